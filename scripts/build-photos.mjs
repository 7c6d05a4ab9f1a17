#!/usr/bin/env node
// Builds the lab's photographs for the image benchmarks (jpeg, sobel, kmeans) from Debian's
// python3-skimage test images. Dev-time only: the app and the CLI read the generated TS module,
// never a PNG. Needs nothing but Node (PNG decode/encode with node:zlib, area-average resize).
//
//   apt-get download python3-skimage && dpkg -x python3-skimage_*.deb /tmp/skimage
//   node scripts/build-photos.mjs /tmp/skimage/usr/lib/python3/dist-packages/skimage/data
//
// Writes public/images/<id>.png (for display), public/images/CREDITS.md and
// src/core/targets/photos.generated.ts (raw 8-bit pixels, base64). Deterministic: the same
// sources give byte-identical outputs.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The four photographs, their target sizes and their licences (as skimage's _fetchers.py states them). */
const PHOTOS = [
  {
    id: 'camera',
    file: 'camera.png',
    title: 'Cameraman',
    width: 256,
    height: 256,
    channels: 1,
    credit: 'Lav Varshney (photographer), via scikit-image (skimage.data.camera)',
    licence: 'CC0 1.0 (no copyright restrictions)',
  },
  {
    id: 'astronaut',
    file: 'astronaut.png',
    title: 'Astronaut Eileen Collins',
    width: 128,
    height: 128,
    channels: 3,
    credit: 'NASA (NASA Great Images database), via scikit-image (skimage.data.astronaut)',
    licence: 'Public domain (NASA; no known copyright restrictions)',
  },
  {
    id: 'chelsea',
    file: 'chelsea.png',
    title: 'Chelsea the cat',
    width: 168,
    height: 112,
    channels: 3,
    credit: 'Stefan van der Walt (photographer), via scikit-image (skimage.data.chelsea)',
    licence: 'CC0 1.0 (no copyright restrictions)',
  },
  {
    id: 'coffee',
    file: 'coffee.png',
    title: 'Coffee cup',
    width: 168,
    height: 112,
    channels: 3,
    credit: 'Rachel Michetti (photographer), courtesy of Pikolo Espresso Bar, via scikit-image (skimage.data.coffee)',
    licence: 'CC0 1.0 (no copyright restrictions)',
  },
];

// ---------------------------------------------------------------- PNG

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes an 8-bit, non-interlaced PNG to { width, height, channels, pixels } (alpha dropped). */
function decodePng(buffer) {
  if (!buffer.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let header = null;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
        interlace: data[12],
      };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG without IHDR');
  const { width, height, bitDepth, colorType, interlace } = header;
  if (bitDepth !== 8 || interlace !== 0) throw new Error(`unsupported PNG: bit depth ${bitDepth}, interlace ${interlace}`);
  const samplesPerPixel = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (samplesPerPixel === undefined) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * samplesPerPixel;
  const image = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= samplesPerPixel ? image[y * stride + i - samplesPerPixel] : 0;
      const up = y > 0 ? image[(y - 1) * stride + i] : 0;
      const upLeft = y > 0 && i >= samplesPerPixel ? image[(y - 1) * stride + i - samplesPerPixel] : 0;
      let predictor;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left),
            pb = Math.abs(p - up),
            pc = Math.abs(p - upLeft);
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter}`);
      }
      image[y * stride + i] = (line[i] + predictor) & 0xff;
    }
  }
  const colourChannels = colorType === 0 || colorType === 4 ? 1 : 3;
  const pixels = new Uint8Array(width * height * colourChannels);
  for (let p = 0; p < width * height; p++) for (let c = 0; c < colourChannels; c++) pixels[p * colourChannels + c] = image[p * samplesPerPixel + c];
  return { width, height, channels: colourChannels, pixels };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function makeChunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes 8-bit grey (channels 1) or RGB (channels 3) pixels as a PNG, filter 0, no metadata. */
function encodePng({ width, height, channels, pixels }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = channels === 1 ? 0 : 2;
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) Buffer.from(pixels.buffer, pixels.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  return Buffer.concat([PNG_SIGNATURE, makeChunk('IHDR', header), makeChunk('IDAT', deflateSync(raw, { level: 9 })), makeChunk('IEND', Buffer.alloc(0))]);
}

// ---------------------------------------------------------------- resize

/** For each output index, the source indices and their overlap weights (area average). */
function buildAreaWeights(sourceSize, targetSize) {
  const scale = sourceSize / targetSize;
  return Array.from({ length: targetSize }, (_, o) => {
    const start = o * scale,
      end = (o + 1) * scale;
    const taps = [];
    for (let s = Math.floor(start); s < Math.min(sourceSize, Math.ceil(end)); s++) {
      const overlap = Math.min(end, s + 1) - Math.max(start, s);
      if (overlap > 1e-12) taps.push([s, overlap / scale]);
    }
    return taps;
  });
}

/** Area-average (box) downsampling, channel by channel, rounded to 8 bits. */
function resizeArea(image, width, height) {
  const { channels } = image;
  const xs = buildAreaWeights(image.width, width);
  const ys = buildAreaWeights(image.height, height);
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (const [sy, wy] of ys[y]) for (const [sx, wx] of xs[x]) sum += wy * wx * image.pixels[(sy * image.width + sx) * channels + c];
        out[(y * width + x) * channels + c] = Math.min(255, Math.max(0, Math.round(sum)));
      }
  return { width, height, channels, pixels: out };
}

// ---------------------------------------------------------------- main

function main() {
  const sourceDir = process.argv[2];
  if (!sourceDir) {
    console.error('usage: node scripts/build-photos.mjs <skimage/data directory>');
    process.exit(2);
  }
  const imagesDir = join(ROOT, 'public', 'images');
  mkdirSync(imagesDir, { recursive: true });
  const entries = [];
  for (const photo of PHOTOS) {
    const source = readFileSync(join(sourceDir, photo.file));
    const decoded = decodePng(source);
    if (decoded.channels !== photo.channels) throw new Error(`${photo.file}: ${decoded.channels} channels, expected ${photo.channels}`);
    const resized = resizeArea(decoded, photo.width, photo.height);
    writeFileSync(join(imagesDir, `${photo.id}.png`), encodePng(resized));
    entries.push({
      ...photo,
      sourceSize: `${decoded.width}×${decoded.height}`,
      sourceSha256: createHash('sha256').update(source).digest('hex'),
      base64: Buffer.from(resized.pixels).toString('base64'),
    });
    console.log(`${photo.id}: ${decoded.width}×${decoded.height} → ${photo.width}×${photo.height}×${photo.channels}`);
  }

  const lines = [
    '// GENERATED by scripts/build-photos.mjs from Debian python3-skimage test images. Do not edit.',
    '// Raw 8-bit pixels, row-major, channels interleaved (grey: 1, RGB: 3), base64-encoded.',
    '// Licences: see public/images/CREDITS.md.',
    '',
    'export interface PhotoSource {',
    '  title: string;',
    '  width: number;',
    '  height: number;',
    '  channels: 1 | 3;',
    '  credit: string;',
    '  licence: string;',
    '  /** Original file in skimage/data and its size. */',
    '  sourceFile: string;',
    '  sourceSize: string;',
    '  sourceSha256: string;',
    '  base64: string;',
    '}',
    '',
    'export const PHOTO_SOURCES = {',
  ];
  for (const e of entries) {
    lines.push(`  ${e.id}: {`);
    lines.push(`    title: ${JSON.stringify(e.title)},`);
    lines.push(`    width: ${e.width},`);
    lines.push(`    height: ${e.height},`);
    lines.push(`    channels: ${e.channels},`);
    lines.push(`    credit: ${JSON.stringify(e.credit)},`);
    lines.push(`    licence: ${JSON.stringify(e.licence)},`);
    lines.push(`    sourceFile: ${JSON.stringify(e.file)},`);
    lines.push(`    sourceSize: ${JSON.stringify(e.sourceSize)},`);
    lines.push(`    sourceSha256: ${JSON.stringify(e.sourceSha256)},`);
    lines.push(`    base64:\n      ${JSON.stringify(e.base64)},`);
    lines.push('  },');
  }
  lines.push('} as const satisfies Record<string, PhotoSource>;', '');
  writeFileSync(join(ROOT, 'src', 'core', 'targets', 'photos.generated.ts'), lines.join('\n'));

  const credits = [
    '# Photographs: credits and licences',
    '',
    'The image benchmarks (jpeg, sobel, kmeans) sample blocks, windows and pixels from four photographs',
    "shipped with scikit-image's test data, taken from Debian's `python3-skimage` package",
    "(`usr/lib/python3/dist-packages/skimage/data/`). Licences as scikit-image's `data/_fetchers.py` states them.",
    '`scripts/build-photos.mjs` resizes them (area average) and writes these PNGs and',
    '`src/core/targets/photos.generated.ts` (the same pixels, which the lab samples from).',
    '',
    '| file | photograph | size here (source) | credit | licence | source SHA-256 |',
    '|---|---|---|---|---|---|',
    ...entries.map(
      (e) =>
        `| ${e.id}.png | ${e.title} | ${e.width}×${e.height} ${e.channels === 1 ? 'grey' : 'RGB'} (${e.sourceSize} ${e.file}) | ${e.credit} | ${e.licence} | \`${e.sourceSha256.slice(0, 16)}…\` |`,
    ),
    '',
    'Use in the lab: train sets come from camera and astronaut, test sets from chelsea and coffee',
    '(kmeans: astronaut for training); see `src/core/targets/photos.ts`.',
    '',
  ];
  writeFileSync(join(imagesDir, 'CREDITS.md'), credits.join('\n'));
}

main();
