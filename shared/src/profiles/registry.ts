import { matchesPattern } from './match-pattern';
import type { Profile } from './schema';
import { smasProfile } from './smas/profile';
import { vneduProfile } from './vnedu/profile';

// The built-in portal profiles. Plain data (no zod at run time), so the extension's content
// script can carry them; `profiles.test.ts` checks each one against the schema.

export const builtInProfiles: readonly Profile[] = [vneduProfile, smasProfile];

/**
 * Replaced by the extension's build (Vite `define` in extension/wxt.config.ts): true only in a test
 * build (`EDULENS_TEST_BUILD=1`). Undefined elsewhere (the agent, unit tests): a real build.
 */
declare const __EDULENS_TEST_BUILD__: boolean | undefined;

/** Whether the profiles' simulator patterns (`testMatch`) count: only in a test build. */
export const isTestBuild: boolean =
  typeof __EDULENS_TEST_BUILD__ !== 'undefined' && __EDULENS_TEST_BUILD__ === true;

export interface MatchOptions {
  /** Include each profile's `testMatch` (the local simulator). Default: only in a test build. */
  test?: boolean;
}

function patternsOf(profile: Profile, test: boolean): readonly string[] {
  return test && profile.testMatch ? [...profile.match, ...profile.testMatch] : profile.match;
}

/** The first built-in profile whose match patterns cover the URL. */
export function findProfileForUrl(
  url: string,
  profiles: readonly Profile[] = builtInProfiles,
  { test = isTestBuild }: MatchOptions = {},
): Profile | undefined {
  return profiles.find((profile) =>
    patternsOf(profile, test).some((pattern) => matchesPattern(pattern, url)),
  );
}

/** Every built-in match pattern (for the extension's manifest). */
export function allMatchPatterns(
  profiles: readonly Profile[] = builtInProfiles,
  { test = isTestBuild }: MatchOptions = {},
): string[] {
  return [...new Set(profiles.flatMap((profile) => patternsOf(profile, test)))];
}
