/**
 * Checks the two icons Teams requires: the colour icon is a 192×192 PNG; the outline icon is a
 * 32×32 PNG, white on a transparent background (so it needs an alpha channel).
 */
import { decodePng, PngFormatError } from './png.js';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons.js';

/** Which of the two manifest icons a file is. */
export type IconKind = 'color' | 'outline';

/** Lowest channel value still counted as white (anti-aliasing tools may write 250 for 255). */
const NEAR_WHITE = 240;

/**
 * Returns the problems with an icon file (empty when it is fine). `name` is used in the messages,
 * e.g. "outline.png".
 */
export function checkIcon(kind: IconKind, name: string, file: Uint8Array): string[] {
  let png;
  try {
    png = decodePng(file);
  } catch (error) {
    if (error instanceof PngFormatError) return [`${name}: ${error.message}`];
    throw error;
  }
  const size = kind === 'color' ? COLOR_ICON_SIZE : OUTLINE_ICON_SIZE;
  const issues: string[] = [];
  if (png.width !== size || png.height !== size) {
    issues.push(`${name}: the ${kind} icon must be ${size}×${size} pixels (is ${png.width}×${png.height})`);
  }
  if (kind === 'outline') {
    if (!png.hasAlpha) {
      issues.push(`${name}: the outline icon needs a transparent background, but the PNG has no alpha channel`);
      return issues;
    }
    const { data } = png.pixels;
    let transparent = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) transparent++;
      else if (data[i] < NEAR_WHITE || data[i + 1] < NEAR_WHITE || data[i + 2] < NEAR_WHITE) coloured++;
    }
    if (transparent === 0) issues.push(`${name}: the outline icon has no transparent pixels; its background must be transparent`);
    if (coloured > 0) issues.push(`${name}: the outline icon must be white on transparent, but ${coloured} visible pixels are not white`);
  }
  return issues;
}
