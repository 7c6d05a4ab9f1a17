/** Browser downloads: a Blob URL behind an <a download>, and SVG → PNG through a canvas. */

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL is revoked.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Width and height of an SVG document from its width/height attributes or viewBox (fallback 640×400). */
export function readSvgSize(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const attribute = (name: string) => {
    const match = new RegExp(`\\b${name}="([\\d.]+)`).exec(tag);
    return match ? Number(match[1]) : Number.NaN;
  };
  let width = attribute('width');
  let height = attribute('height');
  const viewBox = /\bviewBox="([^"]+)"/
    .exec(tag)?.[1]
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if ((!Number.isFinite(width) || !Number.isFinite(height)) && viewBox && viewBox.length === 4) {
    width = viewBox[2];
    height = viewBox[3];
  }
  return { width: Number.isFinite(width) && width > 0 ? width : 640, height: Number.isFinite(height) && height > 0 ? height : 400 };
}

/** Renders an SVG document to a PNG (scale × its size, white background). */
export async function renderSvgToPng(svg: string, scale = 2): Promise<Blob> {
  const { width, height } = readSvgSize(svg);
  const source = /\bxmlns="/.test(svg) ? svg : svg.replace(/<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
  const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The SVG could not be rendered.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2-D canvas context.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
