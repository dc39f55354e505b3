import { describe, expect, it } from 'vitest';
import { recordFields } from '../record-fields';
import { builtInProfiles, findProfileForUrl } from '../registry';
import { profileSchema, type ProfilePage } from '../schema';
import { smasProfile } from './profile';

const pageOf = <K extends ProfilePage['kind']>(kind: K) =>
  smasProfile.pages.find((page): page is Extract<ProfilePage, { kind: K }> => page.kind === kind);

describe('SMAS profile', () => {
  it('is a valid profile', () => {
    const parsed = profileSchema.safeParse(smasProfile);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each([
    'https://smas.edu.vn/Home/LogOn',
    'https://login.smas.edu.vn/',
    'https://qlnt.e-school.edu.vn/HoSoHocSinh/DanhSach?lopId=1',
  ])('matches %s', (url) => {
    expect(findProfileForUrl(url)?.id).toBe('smas');
  });

  it('matches the simulator (localhost, any port) in a test build only', () => {
    const url = 'http://localhost:5302/HoSoHocSinh/DanhSach?lopId=601';
    expect(findProfileForUrl(url, builtInProfiles, { test: true })?.id).toBe('smas');
    expect(findProfileForUrl(url)).toBeUndefined();
  });

  it('requires the six fields SMAS refuses a save without, each described on the form', () => {
    const form = pageOf('record-form');
    expect(form?.required).toEqual(['fullName', 'birthDate', 'gender', 'ethnicity', 'status', 'citizenId']);
    for (const field of recordFields) expect(form?.fields[field]?.label.length).toBeGreaterThan(0);
    expect(Object.keys(form?.fields ?? {}).filter((f) => form?.fields[f as 'gender']?.combo)).toEqual([
      'gender',
      'ethnicity',
      'status',
    ]);
  });

  it('refuses a record form whose required field it does not describe', () => {
    const form = pageOf('record-form')!;
    const { citizenId: _dropped, ...fields } = form.fields;
    const parsed = profileSchema.safeParse({ ...smasProfile, pages: [{ ...form, fields }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['pages', 0, 'required', 5]);
  });

  it('refuses a list whose form address has no {id}', () => {
    const list = pageOf('record-list')!;
    const parsed = profileSchema.safeParse({
      ...smasProfile,
      pages: [{ ...list, formUrl: { attr: 'data-id', url: '/HoSoHocSinh/HoSo/' } }],
    });
    expect(parsed.success).toBe(false);
  });

  it('reads the student list as a split RadGrid with a filter row to skip and a pager', () => {
    const list = pageOf('record-list');
    expect(list?.grid.body?.table).toContain('rgDataDiv');
    expect(list?.grid.skipRows).toContain('rgFilterRow');
    expect(list?.grid.pagination?.kind).toBe('pages');
  });

  it('describes a pager that goes both ways: next, previous and the numbered pages', () => {
    const pager = pageOf('record-list')?.grid.pagination;
    expect(pager).toMatchObject({
      kind: 'pages',
      next: { selector: 'input.rgPageNext' },
      previous: { selector: 'input.rgPagePrev' },
    });
    expect(pager?.kind === 'pages' && pager.number).toContain('a.rgNumPage');
    const parsed = profileSchema.safeParse({
      ...smasProfile,
      pages: [
        {
          ...pageOf('record-list')!,
          grid: { ...pageOf('record-list')!.grid, pagination: { kind: 'pages', next: {}, previous: {} } },
        },
      ],
    });
    expect(parsed.success).toBe(false);
  });
});
