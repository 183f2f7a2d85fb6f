/**
 * Minimal PNG reading and writing with Node's zlib: enough to generate the Teams icons and to
 * check icons an admin supplies (size, alpha channel, pixel colours). Reads non-interlaced
 * 8- and 16-bit images of every colour type (grey, RGB, palette, grey+alpha, RGBA) and honours
 * `tRNS` transparency; writes 8-bit RGBA.
 */
import { deflateSync, inflateSync } from 'node:zlib';

/** An image as 8-bit RGBA, row by row from the top-left (`data.length === width * height * 4`). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The fields of a PNG's IHDR chunk. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colorType: number;
  interlace: number;
}

/** A decoded PNG: its header, whether it can hold transparency, and its pixels as RGBA. */
export interface DecodedPng extends PngHeader {
  /** True when the file has an alpha channel (colour type 4 or 6) or a `tRNS` chunk. */
  hasAlpha: boolean;
  pixels: RgbaImage;
}

/** A file that is not a PNG this module can read; the message says what is wrong. */
export class PngFormatError extends Error {
  override readonly name = 'PngFormatError';
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const typeAndBody = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const out = Buffer.alloc(8 + body.length + 4);
  out.writeUInt32BE(body.length, 0);
  typeAndBody.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndBody), 8 + body.length);
  return out;
}

/** Encodes an RGBA image as an 8-bit RGBA PNG (filter 0 on every row; deterministic). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  if (data.length !== width * height * 4) {
    throw new RangeError(`RGBA data has ${data.length} bytes; ${width}×${height} needs ${width * height * 4}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

interface Chunk {
  type: string;
  body: Buffer;
}

function readChunks(file: Uint8Array): Chunk[] {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) {
    throw new PngFormatError('not a PNG file (the PNG signature is missing)');
  }
  const chunks: Chunk[] = [];
  let at = 8;
  while (at + 12 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > buf.length) throw new PngFormatError(`PNG chunk ${type} is cut short`);
    chunks.push({ type, body: buf.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw new PngFormatError('PNG has no IHDR chunk first');
  return chunks;
}

function parseHeader(body: Buffer): PngHeader {
  if (body.length !== 13) throw new PngFormatError('PNG IHDR chunk has the wrong length');
  return {
    width: body.readUInt32BE(0),
    height: body.readUInt32BE(4),
    bitDepth: body[8],
    colorType: body[9],
    interlace: body[12],
  };
}

/** Reads only a PNG's header (size, bit depth, colour type) without decoding pixels. */
export function readPngHeader(file: Uint8Array): PngHeader {
  return parseHeader(readChunks(file)[0].body);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Reverses the per-row filters, returning the raw samples (without filter bytes). */
function unfilter(inflated: Buffer, height: number, stride: number, bpp: number): Uint8Array {
  if (inflated.length < (stride + 1) * height) throw new PngFormatError('PNG image data is cut short');
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = inflated[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const raw = inflated[src + x];
      const a = x >= bpp ? out[row + x - bpp] : 0;
      const b = y > 0 ? out[prev + x] : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp] : 0;
      let value: number;
      switch (filter) {
        case 0: value = raw; break;
        case 1: value = raw + a; break;
        case 2: value = raw + b; break;
        case 3: value = raw + ((a + b) >> 1); break;
        case 4: value = raw + paeth(a, b, c); break;
        default: throw new PngFormatError(`PNG row ${y} has unknown filter type ${filter}`);
      }
      out[row + x] = value & 0xff;
    }
  }
  return out;
}

/**
 * Decodes a PNG to RGBA. Throws {@link PngFormatError} for files that are not PNGs, are damaged,
 * or use an encoding this reader does not handle (interlaced, or bit depth below 8).
 */
export function decodePng(file: Uint8Array): DecodedPng {
  const chunks = readChunks(file);
  const header = parseHeader(chunks[0].body);
  const { width, height, bitDepth, colorType, interlace } = header;
  const channels = CHANNELS[colorType];
  if (channels === undefined) throw new PngFormatError(`PNG colour type ${colorType} is not valid`);
  if (interlace !== 0) throw new PngFormatError('PNG is interlaced; save it without interlacing');
  if (bitDepth !== 8 && !(bitDepth === 16 && colorType !== 3)) {
    throw new PngFormatError(`PNG bit depth ${bitDepth} is not supported here; save it as 8-bit RGBA`);
  }
  const palette = chunks.find((c) => c.type === 'PLTE')?.body;
  const trns = chunks.find((c) => c.type === 'tRNS')?.body;
  if (colorType === 3 && !palette) throw new PngFormatError('palette PNG has no PLTE chunk');

  const bytesPerSample = bitDepth / 8;
  const bpp = channels * bytesPerSample;
  const stride = width * bpp;
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.body));
  let inflated: Buffer;
  try {
    inflated = inflateSync(idat);
  } catch (error) {
    throw new PngFormatError(`PNG image data cannot be decompressed: ${(error as Error).message}`);
  }
  const samples = unfilter(inflated, height, stride, bpp);
  // Most significant byte of each sample; 16-bit exact values kept for tRNS comparison.
  const sample = (i: number): number => samples[i * bytesPerSample];
  const exact = (i: number): number =>
    bytesPerSample === 2 ? (samples[i * 2] << 8) | samples[i * 2 + 1] : samples[i];
  const trnsValue = (k: number): number | undefined => (trns && trns.length >= 2 * (k + 1) ? trns.readUInt16BE(2 * k) : undefined);

  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    let r: number, g: number, b: number, a = 255;
    switch (colorType) {
      case 0: {
        r = g = b = sample(s);
        if (trnsValue(0) === exact(s)) a = 0;
        break;
      }
      case 2: {
        r = sample(s); g = sample(s + 1); b = sample(s + 2);
        if (trns && trnsValue(0) === exact(s) && trnsValue(1) === exact(s + 1) && trnsValue(2) === exact(s + 2)) a = 0;
        break;
      }
      case 3: {
        const index = samples[s];
        if (!palette || index * 3 + 2 >= palette.length) throw new PngFormatError(`PNG palette has no entry ${index}`);
        r = palette[index * 3]; g = palette[index * 3 + 1]; b = palette[index * 3 + 2];
        if (trns && index < trns.length) a = trns[index];
        break;
      }
      case 4: {
        r = g = b = sample(s); a = sample(s + 1);
        break;
      }
      default: {
        r = sample(s); g = sample(s + 1); b = sample(s + 2); a = sample(s + 3);
      }
    }
    data.set([r, g, b, a], p * 4);
  }
  return {
    ...header,
    hasAlpha: colorType === 4 || colorType === 6 || trns !== undefined,
    pixels: { width, height, data },
  };
}
