import { Hono } from 'hono';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createLogger } from '../logger';
import type { AgentEnv } from './env';
import { LOGGED_FIELD_MAX, REFUSALS_LOGGED_PER_MINUTE, requestLog } from './request-log';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function refusingApp() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  const app = new Hono<AgentEnv>().use(requestLog(logger)).get('*', (c) => c.text('no', 403));
  return { app, lines };
}

it('logs refused requests at a bounded rate, then one line with how many more there were', async () => {
  const { app, lines } = refusingApp();
  for (let n = 0; n < REFUSALS_LOGGED_PER_MINUTE + 25; n++) await app.request(`/x${n}`);
  expect(lines.filter((line) => line.msg === 'request refused')).toHaveLength(REFUSALS_LOGGED_PER_MINUTE);
  vi.advanceTimersByTime(60_000);
  expect(lines.at(-1)).toMatchObject({
    unlogged: 25,
    msg: '… 25 more refused requests (not logged one by one)',
  });
  // A new minute, a new allowance.
  await app.request('/again');
  expect(lines.at(-1)).toMatchObject({ path: '/again', msg: 'request refused' });
});

it('cuts the fields a client chooses (path, Host, Origin) to a bounded length', async () => {
  const { app, lines } = refusingApp();
  const long = 'a'.repeat(5_000);
  await app.request(`/${long}`, { headers: { host: `${long}.example`, origin: `https://${long}` } });
  const [line] = lines;
  for (const field of ['path', 'host', 'origin'])
    expect(String(line?.[field]).length, field).toBeLessThanOrEqual(LOGGED_FIELD_MAX);
  expect(String(line?.path).endsWith('…')).toBe(true);
});
