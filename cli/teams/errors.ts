/** Which step of building the Teams app package found the problems. */
export type TeamsPackageStage = 'settings' | 'template' | 'manifest' | 'icons';

const STAGE_HEADINGS: Record<TeamsPackageStage, string> = {
  settings: 'settings are missing or invalid (set them in .env or the environment; see docs/teams.md)',
  template: 'the manifest template is broken',
  manifest: 'the manifest does not pass validation',
  icons: 'the icons are not as Teams requires',
};

/**
 * The Teams app package could not be built. Carries every problem found at one stage, each a
 * self-contained sentence naming the setting, manifest path or file concerned, so one run shows
 * an admin everything to fix.
 */
export class TeamsPackageError extends Error {
  override readonly name = 'TeamsPackageError';

  constructor(
    readonly stage: TeamsPackageStage,
    readonly issues: readonly string[],
  ) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      `Cannot build the Teams app package: ${STAGE_HEADINGS[stage]} — ${count}:\n` +
        issues.map((issue) => `  - ${issue}`).join('\n'),
    );
  }
}
