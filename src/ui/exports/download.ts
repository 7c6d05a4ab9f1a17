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
    // Whitespace before the name: `\b` would also match inside `stroke-width="…"`.
    const match = new RegExp(`\\s${name}="([\\d.]+)`).exec(tag);
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

/** The PNG of a canvas as drawn (its pixel size: CSS size × devicePixelRatio). */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed.'))), 'image/png'));
}

/** Presentation properties copied from the page's stylesheets onto an exported SVG's elements. */
const SVG_STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/**
 * A standalone SVG document of an on-page <svg> whose look comes from CSS classes: every element gets its
 * computed presentation properties as attributes, and the root its on-screen size (so it renders the same anywhere).
 */
export function serializeStyledSvg(svg: SVGSVGElement): { svg: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((element, k) => {
    const copy = copies[k];
    if (!(copy instanceof Element)) return;
    const computed = window.getComputedStyle(element);
    // Presentation attributes, not a style attribute: the page's CSP (style-src 'self') blocks inline styles, also
    // inside the SVG rendered for the PNG (renderSvgToPng loads it from a blob: URL under the same policy).
    for (const property of SVG_STYLE_PROPERTIES) copy.setAttribute(property, computed.getPropertyValue(property));
    copy.removeAttribute('style');
    copy.removeAttribute('class');
  });
  const rect = svg.getBoundingClientRect();
  const width = Math.round(rect.width);
  const height = Math.round(rect.height);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  return { svg: new XMLSerializer().serializeToString(clone), width, height };
}
