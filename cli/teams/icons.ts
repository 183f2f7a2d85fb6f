/**
 * Draws the Teams app icons: a call-centre headset (headband, two ear cups, a microphone boom).
 * Pure geometry, anti-aliased by supersampling, so the icons are made here rather than fetched.
 *
 * - colour icon (192×192): white headset with an amber microphone on the accent colour;
 * - outline icon (32×32): the same headset, white on a transparent background.
 */
import type { RgbaImage } from './png.js';

/** Teams' icon sizes (app manifest: `icons.color`, `icons.outline`). */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** The manifest's `accentColor` and the colour icon's background. */
export const ACCENT_COLOR = '#1F6F78';
const MIC_COLOR = '#F2A900';
const WHITE = '#FFFFFF';

/** A point test in unit coordinates: (0,0) top-left, (1,1) bottom-right, y down. */
type Shape = (x: number, y: number) => boolean;

function ring(cx: number, cy: number, radius: number, thickness: number, keep: (angle: number) => boolean): Shape {
  return (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    if (Math.abs(d - radius) > thickness / 2) return false;
    // Angle in degrees, 0 = right, 90 = down (y grows downwards), in [0, 360).
    const angle = ((Math.atan2(y - cy, x - cx) * 180) / Math.PI + 360) % 360;
    return keep(angle);
  };
}

function roundedRect(cx: number, cy: number, halfW: number, halfH: number, r: number): Shape {
  return (x, y) => {
    const dx = Math.max(Math.abs(x - cx) - (halfW - r), 0);
    const dy = Math.max(Math.abs(y - cy) - (halfH - r), 0);
    return Math.hypot(dx, dy) <= r;
  };
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

/** The headset's parts, in unit coordinates filling the square with a little margin. */
const CENTRE_X = 0.5;
const BAND_Y = 0.5;
const BAND_RADIUS = 0.34;
const CUP_Y = 0.56;
const BOOM_END_DEGREES = 78;
const boomEndX = CENTRE_X + BAND_RADIUS * Math.cos((BOOM_END_DEGREES * Math.PI) / 180);
const boomEndY = CUP_Y + BAND_RADIUS * Math.sin((BOOM_END_DEGREES * Math.PI) / 180);

const headband = ring(CENTRE_X, BAND_Y, BAND_RADIUS, 0.085, (a) => a >= 180);
const earCups = union(
  roundedRect(CENTRE_X - BAND_RADIUS, CUP_Y, 0.09, 0.15, 0.06),
  roundedRect(CENTRE_X + BAND_RADIUS, CUP_Y, 0.09, 0.15, 0.06),
);
const boom = ring(CENTRE_X, CUP_Y, BAND_RADIUS, 0.07, (a) => a >= BOOM_END_DEGREES && a <= 150);
const microphone = roundedRect(boomEndX + 0.02, boomEndY, 0.1, 0.06, 0.06);

const headsetBody = union(headband, earCups, boom);
const headsetWhole = union(headsetBody, microphone);

interface Rgb {
  r: number;
  g: number;
  b: number;
}

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff };
}

/**
 * Renders `layers` (painted in order over `background`, or over transparency when it is null)
 * at `size`×`size`, with the glyph scaled by `scale` about the centre; 4×4 samples per pixel.
 */
function render(size: number, scale: number, background: Rgb | null, layers: Array<{ shape: Shape; color: Rgb }>): RgbaImage {
  const samples = 4;
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Accumulate premultiplied colour and coverage over the samples.
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const ux = ((px + (sx + 0.5) / samples) / size - 0.5) / scale + 0.5;
          const uy = ((py + (sy + 0.5) / samples) / size - 0.5) / scale + 0.5;
          let hit: Rgb | null = background;
          for (const layer of layers) if (layer.shape(ux, uy)) hit = layer.color;
          if (hit) {
            r += hit.r; g += hit.g; b += hit.b; a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        data[i] = Math.round(r / a);
        data[i + 1] = Math.round(g / a);
        data[i + 2] = Math.round(b / a);
      }
      data[i + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return { width: size, height: size, data };
}

/** The 192×192 full-colour icon: white headset, amber microphone, on the accent colour. */
export function drawColorIcon(): RgbaImage {
  return render(COLOR_ICON_SIZE, 0.68, rgb(ACCENT_COLOR), [
    { shape: headsetBody, color: rgb(WHITE) },
    { shape: microphone, color: rgb(MIC_COLOR) },
  ]);
}

/** The 32×32 outline icon: the headset in white on a transparent background. */
export function drawOutlineIcon(): RgbaImage {
  return render(OUTLINE_ICON_SIZE, 0.94, null, [{ shape: headsetWhole, color: rgb(WHITE) }]);
}
