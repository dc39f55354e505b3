import { describe, expect, it } from 'vitest';
import { allMatchPatterns, builtInProfiles, findProfileForUrl } from '../registry';
import { profileSchema } from '../schema';
import { vneduProfile } from './profile';

describe('vnEdu profile', () => {
  it('is a valid profile', () => {
    const parsed = profileSchema.safeParse(vneduProfile);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each([
    'https://c3sgdkhanhhoa.vnedu.vn/v5/',
    'https://thcsnd63001012sgddaknong.vnedu.vn/v5/?open=nhap-diem',
  ])('matches %s', (url) => {
    expect(findProfileForUrl(url)?.id).toBe('vnedu');
  });

  it.each(['http://127.0.0.1:5301/v5/', 'http://127.0.0.1/v5/so-diem/nhap-diem'])(
    'matches the simulator page %s in a test build only',
    (url) => {
      expect(findProfileForUrl(url, builtInProfiles, { test: true })?.id).toBe('vnedu');
      expect(findProfileForUrl(url)).toBeUndefined();
    },
  );

  it.each(['https://vnedu.vn/', 'https://evil.example/v5/', 'http://127.0.0.1:8787/api/drafts'])(
    'does not match %s',
    (url) => {
      expect(findProfileForUrl(url)).toBeUndefined();
    },
  );

  it('registry lists every built-in profile once with its patterns', () => {
    expect(new Set(builtInProfiles.map((p) => p.id)).size).toBe(builtInProfiles.length);
    expect(allMatchPatterns()).toEqual([
      'https://*.vnedu.vn/v5/*',
      'https://*.smas.edu.vn/*',
      'https://qlnt.e-school.edu.vn/*',
    ]);
    expect(allMatchPatterns(builtInProfiles, { test: true })).toEqual([
      'https://*.vnedu.vn/v5/*',
      'http://127.0.0.1/v5/*',
      'https://*.smas.edu.vn/*',
      'https://qlnt.e-school.edu.vn/*',
      'http://localhost/*',
    ]);
    for (const profile of builtInProfiles) expect(profileSchema.safeParse(profile).success).toBe(true);
  });
});
