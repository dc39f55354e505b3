import { z } from 'zod';
import { type Problem, problem } from '../problem';
import { matchesPattern } from './match-pattern';
import { type Profile, profileSchema } from './schema';
import { problemsFromIssues } from './zod-kit';

/** A profile as stored and shared: a JSON file that says what it is and which format version. */
export const profileFileSchema = z.strictObject({
  /** Lets editors offer completion; ignored by EduLens. */
  $schema: z.string().optional(),
  format: z.literal('edulens-profile'),
  formatVersion: z.literal(1),
  profile: profileSchema,
});

export type ProfileFile = z.infer<typeof profileFileSchema>;

export type ProfileFileResult = { ok: true; profile: Profile } | { ok: false; problems: Problem[] };

/**
 * Reads a profile file, given as JSON text or as already-parsed data. Every mistake comes back
 * as a problem naming its JSON path, e.g. `profile.pages[0].grid.headerRows: phải >= 1, …`.
 */
export function parseProfileFile(json: unknown): ProfileFileResult {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        problems: [
          problem(
            'profile.json',
            'error',
            `Tệp không phải JSON hợp lệ: ${reason}`,
            `The file is not valid JSON: ${reason}`,
          ),
        ],
      };
    }
  }
  const parsed = profileFileSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, profile: parsed.data.profile };
  return { ok: false, problems: problemsFromIssues('profile.invalid', parsed.error.issues) };
}

/** Whether a page address belongs to the profile's portal. */
export function matchesUrl(profile: Pick<Profile, 'match'>, url: string): boolean {
  return profile.match.some((pattern) => matchesPattern(pattern, url));
}
