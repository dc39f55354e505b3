import { afterEach, describe, expect, it } from 'vitest';
import { followingToday, pinnedTo, portalYearsFromEnv } from './school-year';
import { type RunningPortals, startPortals } from './start-portals';

// `npm run portals` / `npm run demo` run every simulator in today's school year, clocks from
// now, with the seeded records and marks made for that year; tests keep the fixture year.

const today = Date.parse('2026-12-08T09:00:00+07:00');
const realNow = () => today;
let portals: RunningPortals | undefined;

afterEach(async () => {
  await portals?.stop();
  portals = undefined;
});

async function startFollowing(now: number): Promise<RunningPortals> {
  const years = followingToday(now);
  return startPortals({
    port: 0,
    vnedu: { ...years.vnedu, realNow },
    smasLegacy: { ...years.smasLegacy, realNow },
    smasCurrent: { ...years.smasCurrent, realNow },
  });
}

async function legacyPage(running: RunningPortals, path: string): Promise<string> {
  const base = running.smasLegacy.url;
  const login = await fetch(new URL('/__test/login', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'longphuoc.thcs' }),
  });
  const { cookie } = (await login.json()) as { cookie: { name: string; value: string } };
  const page = await fetch(new URL(path, base), { headers: { Cookie: `${cookie.name}=${cookie.value}` } });
  expect(page.status).toBe(200);
  return page.text();
}

describe('school year of the simulators', () => {
  it("following today, both SMAS generations run in today's year with clocks from now", async () => {
    portals = await startFollowing(today);
    const legacy = portals.smasLegacy.handle.state;
    const current = portals.smasCurrent.handle.state;
    expect([portals.vnedu.handle.state.schoolYear, legacy.roster.schoolYear, current.schoolYear]).toEqual([
      2026, 2026, 2026,
    ]);
    expect([legacy.clock.now(), current.clock.now()]).toEqual([today, today]);
    // The legacy header names the year; 6A1's students were born 11 years before it starts.
    const list = await legacyPage(portals, '/HoSoHocSinh/DanhSach?lopId=601');
    expect(list).toContain('2026-2027');
    expect(list).not.toContain('2025-2026');
    const births = legacy.roster.bulkClass.students.map((s) => s.birthDate.slice(-4));
    expect(new Set(births)).toEqual(new Set(['2015']));
    // The CCCD's 5th and 6th digits are the birth year's last two.
    const ids = legacy.roster.bulkClass.students.map((s) => s.citizenId).filter(Boolean);
    expect(ids.length).toBeGreaterThan(50);
    expect(new Set(ids.map((id) => id.slice(4, 6)))).toEqual(new Set(['15']));
  });

  it("following today, the current generation's API wants today's year and its seeded marks come before now", async () => {
    portals = await startFollowing(today);
    const app = portals.smasCurrent.url;
    const tokens = (await (
      await fetch(new URL('/__test/login', app), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'hanhnt.lp' }),
      })
    ).json()) as { access_token: string };
    const marks = (year: string) =>
      fetch(new URL('/api/marks?classId=601&subjectId=11&semester=1', app), {
        headers: { Authorization: `Bearer ${tokens.access_token}`, SchoolYear: year },
      });
    expect((await marks('2025-2026')).status).toBe(400);
    const answer = await marks('2026-2027');
    expect(answer.status).toBe(200);
    const rows = (await answer.json()) as { history: Record<string, { at: string }[]> }[];
    const times = rows.flatMap((row) =>
      Object.values(row.history)
        .flat()
        .map((change) => Date.parse(change.at)),
    );
    expect(times.length).toBeGreaterThan(50);
    expect(Math.max(...times)).toBeLessThan(today);
    expect(Math.min(...times)).toBeGreaterThan(Date.parse('2026-09-01T00:00:00+07:00'));
    const page = await (await fetch(app)).text();
    expect(page).toContain('<meta name="smas-school-year" content="2026-2027">');
  });

  it('tests keep the fixture year 2025-2026, clocks from 20/11/2025 08:00, unless pinned elsewhere', async () => {
    portals = await startPortals({ port: 0 });
    const fixture = Date.parse('2025-11-20T08:00:00+07:00');
    expect(portals.smasLegacy.handle.state.roster.schoolYear).toBe(2025);
    expect(portals.smasCurrent.handle.state.schoolYearLabel).toBe('2025-2026');
    expect(portals.smasLegacy.handle.state.clock.now()).toBeGreaterThanOrEqual(fixture);
    expect(portals.smasLegacy.handle.state.roster.bulkClass.students[0]!.birthDate).toMatch(/\/2014$/);
    await portals.stop();
    portals = await startPortals({ port: 0, ...pinnedTo(2030) });
    expect(portals.smasCurrent.handle.state.schoolYearLabel).toBe('2030-2031');
    expect(portals.smasLegacy.handle.state.clock.now()).toBeGreaterThanOrEqual(
      Date.parse('2030-11-20T08:00:00+07:00'),
    );
  });

  it('EDULENS_PORTALS_SCHOOL_YEAR pins every simulator, or is refused with a bilingual message', () => {
    expect(portalYearsFromEnv({ EDULENS_PORTALS_SCHOOL_YEAR: '2025' }, today)).toEqual(pinnedTo(2025));
    expect(portalYearsFromEnv({}, today)).toEqual(followingToday(today));
    expect(followingToday(Date.parse('2026-08-20T08:00:00+07:00')).smasLegacy.schoolYear).toBe(2025);
    expect(() => portalYearsFromEnv({ EDULENS_PORTALS_SCHOOL_YEAR: 'năm nay' }, today)).toThrow(
      /phải là năm đầu của năm học.* \/ must be the first year/,
    );
  });
});
