import { matchesPattern } from './match-pattern';
import type { Profile } from './schema';
import { vneduProfile } from './vnedu/profile';

// The built-in portal profiles. Plain data (no zod at run time), so the extension's content
// script can carry them; `profiles.test.ts` checks each one against the schema.

export const builtInProfiles: readonly Profile[] = [vneduProfile];

/** The first built-in profile whose match patterns cover the URL. */
export function findProfileForUrl(
  url: string,
  profiles: readonly Profile[] = builtInProfiles,
): Profile | undefined {
  return profiles.find((profile) => profile.match.some((pattern) => matchesPattern(pattern, url)));
}

/** Every built-in match pattern (for the extension's manifest). */
export function allMatchPatterns(profiles: readonly Profile[] = builtInProfiles): string[] {
  return [...new Set(profiles.flatMap((profile) => profile.match))];
}
