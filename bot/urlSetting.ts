/** Settings that hold a URL (checked with zod at start-up, see bot/config.ts). */
import { z } from 'zod';

/**
 * A trimmed string that parses as a URL and that `accepts` takes (given the parsed URL and the
 * text); otherwise `message` is the issue reported for the variable.
 */
export function urlSetting(accepts: (url: URL, text: string) => boolean, message: string) {
  return z
    .string()
    .trim()
    .refine((text) => URL.canParse(text) && accepts(new URL(text), text), { message });
}
