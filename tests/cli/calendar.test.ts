import { describe, expect, it } from 'vitest';
import { runCli, stackFrame } from '../helpers/run-cli';

interface CalendarReport {
  at: string;
  calendars: {
    id: string;
    events: {
      entryId: string;
      kind: string;
      start?: string;
      at: string;
      atLocal: string;
      status: string;
      countdown: string;
    }[];
  }[];
}

describe('edulens calendar', () => {
  it('lists the next SMAS windows and locks at a fixed instant, in Vietnam time', async () => {
    const [json, text, wrong] = await Promise.all([
      runCli(['calendar', '--profile', 'smas-vinhlong', '--at', '2026-12-24T10:00', '--json']),
      runCli(['calendar', '--at', '2026-12-24T10:00:00+07:00']),
      runCli(['calendar', '--at', 'thứ hai']),
    ]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as CalendarReport;
    // Without an offset the instant is read as Vietnam time.
    expect(report.at).toBe('2026-12-24T03:00:00.000Z');
    expect(report.calendars.map((found) => found.id)).toEqual(['smas-vinhlong']);
    expect(report.calendars[0]?.events.slice(0, 2)).toEqual([
      expect.objectContaining({
        entryId: 'semester-1-update',
        kind: 'update-window',
        start: '2026-12-24T17:00:00.000Z',
        at: '2026-12-30T17:00:00.000Z',
        status: 'upcoming',
        countdown: 'còn 6 ngày 14 giờ',
      }),
      expect.objectContaining({
        entryId: 'semester-1-lock',
        kind: 'lock',
        at: '2026-12-30T17:00:00.000Z',
        atLocal: '00:00 31/12/2026 (GMT+7)',
        countdown: 'còn 6 ngày 14 giờ',
      }),
    ]);

    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Tính từ / As of: 10:00 24/12/2026 (GMT+7)');
    expect(text.stdout).toMatch(/00:00 10\/01\/2027 \(GMT\+7\).*Đồng bộ \/ Sync.*Báo cáo kỳ giữa năm học/);

    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--at "thứ hai" không phải thời điểm ISO-8601');
    expect(wrong.stderr).not.toMatch(stackFrame);
  });
});
