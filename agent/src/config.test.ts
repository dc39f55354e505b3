import { homedir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DAY_MS, resolveConfig } from './config';

it('defaults to port 8787, ~/.edulens, a year of drafts and 180-day tokens', () => {
  const config = resolveConfig({});
  expect(config.port).toBe(8787);
  expect(config.paths.home).toBe(join(homedir(), '.edulens'));
  expect(config.paths.database).toBe(join(homedir(), '.edulens', 'edulens.db'));
  expect(config.draftRetentionMs).toBe(365 * DAY_MS);
  expect(config.tokenTtlMs).toBe(180 * DAY_MS);
});

it('reads the environment; --port wins over EDULENS_PORT', () => {
  const env = { EDULENS_HOME: '/srv/edulens', EDULENS_PORT: '9000', EDULENS_DRAFT_RETENTION_DAYS: '30' };
  expect(resolveConfig(env)).toMatchObject({
    port: 9000,
    draftRetentionMs: 30 * DAY_MS,
    paths: { home: '/srv/edulens' },
  });
  expect(resolveConfig(env, '0').port).toBe(0);
});

it('refuses nonsense with a message naming the variable', () => {
  expect(() => resolveConfig({ EDULENS_PORT: '80a' })).toThrow(/EDULENS_PORT/);
  expect(() => resolveConfig({ EDULENS_DRAFT_RETENTION_DAYS: '0' })).toThrow(/EDULENS_DRAFT_RETENTION_DAYS/);
  expect(() => resolveConfig({}, '70000')).toThrow(/70000/);
});
