import { describe, expect, it } from '@jest/globals';
import { crc32, deflateSync } from 'node:zlib';
import { decodePng, encodePng, PngFormatError, readPngHeader, type RgbaImage } from '../../cli/teams/png.js';

/** Writes a PNG by hand (independently of encodePng) so the reader meets every filter and colour type. */
function handMadePng(options: {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  rows: number[][]; // unfiltered sample bytes per row
  filters: number[]; // filter type per row
  extra?: Array<[string, Buffer]>; // chunks before IDAT (PLTE, tRNS)
  interlace?: number;
}): Buffer {
  const { width, height, bitDepth, colorType, rows, filters } = options;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType]!;
  const bpp = (channels * bitDepth) / 8;
  const filtered: number[] = [];
  rows.forEach((row, y) => {
    const prev = y > 0 ? rows[y - 1] : row.map(() => 0);
    filtered.push(filters[y]);
    row.forEach((value, x) => {
      const a = x >= bpp ? row[x - bpp] : 0;
      const b = prev[x];
      const c = x >= bpp ? prev[x - bpp] : 0;
      const p = a + b - c;
      const predictor = [
        0,
        a,
        b,
        (a + b) >> 1,
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c,
      ][filters[y]];
      filtered.push((value - predictor + 256) & 0xff);
    });
  });
  const chunk = (type: string, body: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colorType;
  header[12] = options.interlace ?? 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(options.extra ?? []).map(([type, body]) => chunk(type, body)),
    chunk('IDAT', deflateSync(Buffer.from(filtered))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const pixel = (image: RgbaImage, x: number, y: number): number[] =>
  Array.from(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4));

describe('PNG reader and writer', () => {
  it('round-trips RGBA through encodePng', () => {
    const data = new Uint8Array(5 * 3 * 4).map((_, i) => (i * 37) % 256);
    const image = { width: 5, height: 3, data };
    const decoded = decodePng(encodePng(image));
    expect(decoded).toMatchObject({ width: 5, height: 3, bitDepth: 8, colorType: 6, hasAlpha: true });
    expect(decoded.pixels).toEqual(image);
    expect(readPngHeader(encodePng(image))).toMatchObject({ width: 5, height: 3 });
  });

  it('undoes all five row filters', () => {
    const rows = Array.from({ length: 5 }, (_, y) => Array.from({ length: 4 * 3 }, (_, x) => (x * 29 + y * 71 + x * y * 13) % 256));
    const png = handMadePng({ width: 4, height: 5, bitDepth: 8, colorType: 2, rows, filters: [0, 1, 2, 3, 4] });
    const { pixels, hasAlpha } = decodePng(png);
    expect(hasAlpha).toBe(false);
    rows.forEach((row, y) => {
      for (let x = 0; x < 4; x++) expect(pixel(pixels, x, y)).toEqual([row[x * 3], row[x * 3 + 1], row[x * 3 + 2], 255]);
    });
  });

  it('reads palette images with tRNS transparency', () => {
    const palette = Buffer.from([255, 255, 255, 0, 0, 0]);
    const trns = Buffer.from([255, 0]); // entry 1 fully transparent
    const png = handMadePng({
      width: 2, height: 1, bitDepth: 8, colorType: 3, rows: [[0, 1]], filters: [0],
      extra: [['PLTE', palette], ['tRNS', trns]],
    });
    const decoded = decodePng(png);
    expect(decoded.hasAlpha).toBe(true);
    expect(pixel(decoded.pixels, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(pixel(decoded.pixels, 1, 0)).toEqual([0, 0, 0, 0]);
  });

  it('reads 16-bit grey+alpha by its high bytes', () => {
    const png = handMadePng({ width: 1, height: 1, bitDepth: 16, colorType: 4, rows: [[0xff, 0x10, 0x80, 0x01]], filters: [0] });
    expect(pixel(decodePng(png).pixels, 0, 0)).toEqual([255, 255, 255, 128]);
  });

  it('explains what it cannot read', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow(new PngFormatError('not a PNG file (the PNG signature is missing)'));
    const interlaced = handMadePng({ width: 1, height: 1, bitDepth: 8, colorType: 0, rows: [[0]], filters: [0], interlace: 1 });
    expect(() => decodePng(interlaced)).toThrow(/interlaced/);
    const twoBit = handMadePng({ width: 4, height: 1, bitDepth: 2, colorType: 0, rows: [[0]], filters: [0] });
    expect(() => decodePng(twoBit)).toThrow(/bit depth 2 is not supported.*8-bit RGBA/);
  });
});
