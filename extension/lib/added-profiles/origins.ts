import { originPattern, type Profile } from '@edulens/shared/profiles';

// Profiles the teacher added (options page) beyond the built-in ones: what each needs the browser
// to allow. Shared by the options page (which asks) and the background (which registers).

/** At most this many added profiles: each is one content script registration. */
export const MAX_ADDED_PROFILES = 20;
/** A profile file larger than this is not read (the built-in ones are a few KB). */
export const MAX_PROFILE_FILE_BYTES = 256 * 1024;

/** The origins a profile's pages are on, as host permissions ("https://smas.example.vn/*"). */
export function profileOrigins(profile: Pick<Profile, 'match'>): string[] {
  return [...new Set(profile.match.map(originPattern))].sort();
}

/** The id under which the background registers the content script of an added profile. */
export function scriptId(profile: Pick<Profile, 'id'>): string {
  return `edulens-profile-${profile.id}`;
}
