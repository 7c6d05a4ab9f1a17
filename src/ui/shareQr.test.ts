import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { MAX_HASH_LENGTH } from '../core/link';
import { QR_MARGIN_MODULES, chooseQrLevel } from './shareQr';

/** The code's modules as RGBA pixels, `scale` px a module, with the quiet zone: what toCanvas draws. */
function renderModules(text: string, level: 'M' | 'L', scale = 4): { pixels: Uint8ClampedArray; side: number; version: number } {
  const code = QRCode.create(text, { errorCorrectionLevel: level });
  const size = code.modules.size;
  const side = (size + 2 * QR_MARGIN_MODULES) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!code.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const offset = (((row + QR_MARGIN_MODULES) * scale + y) * side + (col + QR_MARGIN_MODULES) * scale + x) * 4;
          pixels.fill(0, offset, offset + 3);
        }
      }
    }
  }
  return { pixels, side, version: code.version };
}

describe('the share link’s QR code', () => {
  it('uses error correction M for every link the lab writes, L only past 2300 bytes', () => {
    expect(chooseQrLevel('http://127.0.0.1:4173/#v=1&seed=7')).toBe('M');
    expect(chooseQrLevel(`https://example.org/a/long/path/#${'x'.repeat(MAX_HASH_LENGTH)}`)).toBe('M');
    expect(chooseQrLevel('x'.repeat(2301))).toBe('L');
    expect(chooseQrLevel('中'.repeat(800))).toBe('L'); // 2400 bytes of UTF-8
  });

  it('a short link makes a small code that a decoder reads back exactly', () => {
    const link = 'http://127.0.0.1:4173/#v=1&target=sobel&methods=axnet%2Conepass%2Citerative&seed=7&backend=wasm';
    const { pixels, side, version } = renderModules(link, chooseQrLevel(link));
    expect(version).toBeLessThanOrEqual(7);
    expect(jsQR(pixels, side, side)?.data).toBe(link);
  });

  it('the longest link the codec accepts still fits one code and reads back', () => {
    const link = `https://teacher.example.org/axnet-lab/#v=1&${'seed=7&'.repeat(Math.floor((MAX_HASH_LENGTH - 4) / 7))}`.slice(0, 40 + MAX_HASH_LENGTH);
    const level = chooseQrLevel(link);
    const { pixels, side, version } = renderModules(link, level, 3);
    expect(version).toBeLessThanOrEqual(40);
    expect(jsQR(pixels, side, side)?.data).toBe(link);
  });

  it('text past the largest code is refused by the library (the dialog then says to copy the link)', () => {
    expect(() => QRCode.create('x'.repeat(3000), { errorCorrectionLevel: chooseQrLevel('x'.repeat(3000)) })).toThrow();
  });
});
