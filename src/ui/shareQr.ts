/**
 * The QR code of a share link, drawn by the `qrcode` library (Soldair's node-qrcode: ISO/IEC 18004, no dependencies
 * in the browser, MIT). Error correction M (15 % of the code may be lost: a projector's glare or a finger) while the
 * link fits, L (7 %) for the longest links: a link may be up to MAX_HASH_LENGTH (2048) characters after its address,
 * and version 40 holds 2331 bytes at M, 2953 at L (the standard's table 7).
 */
import QRCode from 'qrcode';

/** Pixels per side of the drawn code; CSS shows it smaller (crisp when the dialog is enlarged for a projector). */
export const QR_CANVAS_PX = 768;
/** The quiet zone around the code, in modules: the standard asks for 4. */
export const QR_MARGIN_MODULES = 4;
/** Longest text drawn at error correction M (version 40-M holds 2331 bytes; a little left for the mode headers). */
const LEVEL_M_MAX_BYTES = 2300;

export type QrLevel = 'M' | 'L';

export function chooseQrLevel(text: string): QrLevel {
  return new TextEncoder().encode(text).length <= LEVEL_M_MAX_BYTES ? 'M' : 'L';
}

/** Draws `text` on `canvas`; resolves to the level used, or rejects when the text does not fit any QR code. */
export async function drawShareQr(canvas: HTMLCanvasElement, text: string): Promise<QrLevel> {
  const level = chooseQrLevel(text);
  await QRCode.toCanvas(canvas, text, { errorCorrectionLevel: level, margin: QR_MARGIN_MODULES, width: QR_CANVAS_PX, color: { dark: '#000000ff', light: '#ffffffff' } });
  // The library also writes the drawn size as an inline CSS size (768 px), which would beat the stylesheet's display
  // size (the dialog's 256 px, the projector's 80vh) and overflow a 720-px-high screen: the stylesheet decides.
  canvas.style.removeProperty('width');
  canvas.style.removeProperty('height');
  return level;
}
