/**
 * Regenerates the Teams app icons in appPackage/ from the geometry in cli/teams/icons.ts:
 *
 *   npx tsx cli/teams-icons.ts
 *
 * Writes appPackage/color.png (192×192) and appPackage/outline.png (32×32). A college that wants
 * its own artwork can replace the two PNGs instead; `npm run teams:package` checks them.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { drawColorIcon, drawOutlineIcon } from './teams/icons.js';
import { encodePng } from './teams/png.js';

const appPackageDir = fileURLToPath(new URL('../appPackage/', import.meta.url));

const icons = [
  { file: 'color.png', image: drawColorIcon() },
  { file: 'outline.png', image: drawOutlineIcon() },
];
for (const { file, image } of icons) {
  await writeFile(appPackageDir + file, encodePng(image));
  console.log(`wrote appPackage/${file} (${image.width}×${image.height})`);
}
