import { beforeEach, describe, expect, it } from 'vitest';
import { createVnEduPortal, type VnEduPortal } from './app';
import { schoolYearAt } from './schools';
import { followToday } from './state';
import { bookFields, cellsBody, type PortalClient, portalClient, type TestBook } from './test-client';

let portal: VnEduPortal;
let client: PortalClient;

const control = (path: string, body: unknown = {}) =>
  portal.app.request(`/__test/${path}`, { method: 'POST', body: JSON.stringify(body) });
const minutes = (n: number) => control('clock', { advanceMs: n * 60_000 });
/** The book as the test endpoint shows it (no session activity). */
const book = (hk = 1): Promise<TestBook> => client.book(`lop=6A1&mon=TOAN&hk=${hk}`);
/** The grid fragment, as the window loads it: counts as activity. */
const load = async (hk = 1) => client.load(bookFields(await book(hk)));
/** Saves tx1 of the first student. */
const saveOne = async (hk: 1 | 2, value: string) =>
  client.save(cellsBody(await book(hk), { 0: { tx1: value } }));

beforeEach(async () => {
  portal = createVnEduPortal();
  client = portalClient(portal);
  await client.login('annv.thcsnd', 'Vnedu@2025');
});

describe('vnEdu simulator: session expiry', () => {
  it('ends a session after 20 idle minutes: 401 for the script, the login page for pages', async () => {
    await minutes(19);
    expect((await load()).status).toBe(200);
    await minutes(21);
    const save = await saveOne(2, '9');
    expect(save.status).toBe(401);
    expect(await save.json()).toMatchObject({
      message: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    });
    const page = await client.request('/v5/');
    expect(page.headers.get('location')).toBe('/v5/login?next=%2Fv5%2F&het_han=1');
    expect(await (await client.request('/v5/login?het_han=1')).text()).toContain('Phiên làm việc đã hết hạn');
  });

  it('does not count background polls as activity', async () => {
    await minutes(15);
    const poll = await client.poll(bookFields(await book()), '');
    expect(poll.status).toBe(200);
    await minutes(6);
    expect((await saveOne(2, '9')).status).toBe(401);
  });

  it('expires sessions on demand and follows the configured time-out', async () => {
    await control('expire-session', { username: 'annv.thcsnd' });
    expect((await load()).status).toBe(401);

    await client.login('annv.thcsnd', 'Vnedu@2025');
    await control('config', { sessionIdleMinutes: 2 });
    await minutes(3);
    expect((await load()).status).toBe(401);
  });
});

describe('vnEdu simulator: locks', () => {
  it('locks semester I at the calendar instant and refuses saves in Vietnamese', async () => {
    await control('clock', { now: '2026-01-14T23:59:00+07:00' });
    await client.login('annv.thcsnd', 'Vnedu@2025');
    expect((await book(1)).locked).toBe(false);
    await minutes(1);
    const locked = await book(1);
    expect(locked.locked).toBe(true);
    expect(locked.lockNotice).toBe(
      'Sổ điểm học kỳ I đã khóa từ 00:00 ngày 15/01/2026. Muốn sửa điểm cần Hiệu trưởng phê duyệt.',
    );
    const refused = await saveOne(1, '9');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe(locked.lockNotice);
    expect((await saveOne(2, '9')).status).toBe(200);
  });

  it('can be forced either way and handed back to the calendar', async () => {
    const forced = await control('lock', { hk: 1, locked: true });
    expect(await forced.json()).toMatchObject({ locked: true, forced: true });
    expect((await book(1)).lockNotice).toContain('đã bị khóa bởi quản trị nhà trường');
    expect((await saveOne(1, '9')).status).toBe(403);
    await control('lock', { hk: 1, locked: null });
    expect((await saveOne(1, '9')).status).toBe(200);
    await control('lock', { hk: 1, at: '2025-11-01T00:00:00+07:00' });
    expect((await book(1)).locked).toBe(true);
  });
});

describe('vnEdu simulator: background re-fill and reset', () => {
  it('re-fills a page that saw an older generation, when forced or when the period passes', async () => {
    const fields = bookFields(await book(1));
    const poll = async (gen: string) =>
      (await (await client.poll(fields, gen)).json()) as {
        generation: string;
        cells?: Record<string, { value: string; title: string }>;
      };
    const { generation, rows } = await book(1);
    expect(await poll(generation)).toEqual({ generation });

    await control('refill');
    const forced = await poll(generation);
    const withValues = rows.find((row) => row.values.tx1 !== undefined)!;
    expect(forced.cells?.[withValues.names.tx1!]).toEqual({
      value: withValues.values.tx1,
      title: withValues.titles.tx1,
    });

    await minutes(10);
    expect((await poll(forced.generation)).cells).toBeDefined();
  });

  it('resets scores, locks and sessions to the seed', async () => {
    const before = await book(2);
    await saveOne(2, '9');
    await control('lock', { hk: 2, locked: true });
    await control('reset');
    expect((await load(2)).status).toBe(401);
    await client.login('annv.thcsnd', 'Vnedu@2025');
    const after = await book(2);
    expect(after.rows).toEqual(before.rows);
    expect(after.locked).toBe(false);
  });
});

describe('vnEdu simulator: the school year', () => {
  it('follows the date it starts at: a school year starts in September (Vietnam time)', () => {
    expect(schoolYearAt(Date.parse('2026-12-07T00:00:00Z'))).toBe(2026);
    expect(schoolYearAt(Date.parse('2026-08-31T16:59:59Z'))).toBe(2025); // 23:59:59 on 31/08 in Vietnam
    expect(schoolYearAt(Date.parse('2026-08-31T17:00:00Z'))).toBe(2026); // 00:00 on 01/09 in Vietnam
    expect(schoolYearAt(Date.parse('2027-01-20T00:00:00Z'))).toBe(2026);
  });

  it("with followToday(), shows today's year and clock: titles, iNamHoc, lock dates, seeded saves", async () => {
    const today = Date.parse('2026-12-07T08:00:00+07:00');
    portal = createVnEduPortal({ ...followToday(today), realNow: () => today });
    client = portalClient(portal);
    await client.login('annv.thcsnd', 'Vnedu@2025');
    expect(portal.state.schoolYear).toBe(2026);
    expect(portal.state.clock.now()).toBe(today);
    const desktop = await (await client.request('/v5/?open=nhap-diem&lop=6A1&mon=TOAN&hk=1')).text();
    expect(desktop).toContain('[2026-2027] Sổ điểm');
    expect(desktop).toContain('"schoolYear":2026');
    const fragment = await (await load()).text();
    expect(fragment).toContain('name="iNamHoc" id="win_so_diem_iNamHoc" value="2026"');
    expect(fragment).toContain('Sổ điểm học kỳ I sẽ khóa lúc 00:00 ngày 16/01/2027.');
    const seeded = Object.values((await book()).rows[0]!.titles).filter(Boolean);
    expect(seeded.length).toBeGreaterThan(0);
    for (const title of seeded) expect(title).toMatch(/\d\d\/(09|10|11)\/2026/);
  });

  it('keeps the fixture year 2025-2026 unless told otherwise', () => {
    expect(createVnEduPortal().state.schoolYear).toBe(2025);
    expect(createVnEduPortal({ schoolYear: 2030 }).state.locks.book(1, 0).at).toBe(
      Date.parse('2031-01-15T00:00:00+07:00'),
    );
  });
});
