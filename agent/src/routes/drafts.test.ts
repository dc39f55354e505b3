import {
  ApiErrorSchema,
  type Draft,
  DraftConflictResponseSchema,
  DraftHistoryResponseSchema,
  DraftPagesResponseSchema,
  DraftResponseSchema,
  PageDraftsResponseSchema,
} from '@edulens/shared/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AgentHarness, createAgentHarness, type RequestOptions } from '../testing/agent-harness';

const PAGE = { school: 'THCS Lê Lợi', schoolYear: '2024-2025', class: '6A1', subject: 'Toán', term: 'HK2' };
const OTHER_PAGE = { ...PAGE, class: '6A2' };
const KEY = { profile: 'vnedu', page: PAGE, field: 'HS0001.tx1' };
const pageQuery = (page: object = PAGE) => ({ profile: 'vnedu', page: JSON.stringify(page) });
const fieldQuery = (field = KEY.field) => ({ ...pageQuery(), field });

let agent: AgentHarness;
let token: string;
beforeEach(async () => {
  agent = createAgentHarness();
  token = await agent.pair();
});
afterEach(() => agent.close());

function api(path: string, options: RequestOptions = {}) {
  return agent.request(`/api/drafts${path}`, {
    ...options,
    headers: { authorization: `Bearer ${token}`, ...options.headers },
  });
}

async function save(value: string | null, extra: Record<string, unknown> = {}): Promise<Draft> {
  const response = await api('', { method: 'POST', json: { ...KEY, value, ...extra } });
  expect(response.status).toBe(200);
  return DraftResponseSchema.parse(await response.json()).draft;
}

const rowCounts = () => ({
  drafts: agent.store.db.prepare('SELECT count(*) FROM drafts').pluck().get(),
  revisions: agent.store.db.prepare('SELECT count(*) FROM draft_revisions').pluck().get(),
});

describe('save and get', () => {
  it('gives every save a new version and returns the latest', async () => {
    expect(await save('7')).toMatchObject({ ...KEY, value: '7', version: 1, deleted: false });
    agent.clock.now += 1_000;
    const second = await save('7.5');
    expect(second).toMatchObject({
      value: '7.5',
      version: 2,
      savedAt: new Date(agent.clock.now).toISOString(),
    });

    const response = await api('/item', { query: fieldQuery() });
    expect(DraftResponseSchema.parse(await response.json()).draft).toEqual(second);
  });

  it('keeps a cleared field (null) as a draft of its own', async () => {
    await save('8');
    expect(await save(null)).toMatchObject({ value: null, version: 2 });
  });

  it('treats the same page in another name order or Unicode form as the same page', async () => {
    await save('6');
    const reordered = Object.fromEntries(
      Object.entries(PAGE)
        .reverse()
        .map(([k, v]) => [k, v.normalize('NFD')]),
    );
    const response = await api('', { method: 'POST', json: { ...KEY, page: reordered, value: '6.5' } });
    expect(DraftResponseSchema.parse(await response.json()).draft).toMatchObject({ version: 2, page: PAGE });
  });

  it('answers 404 for a field without a draft', async () => {
    const response = await api('/item', { query: fieldQuery('HS9999.tx1') });
    expect(response.status).toBe(404);
    expect(ApiErrorSchema.parse(await response.json()).error.code).toBe('draft.not_found');
  });
});

describe('optimistic concurrency', () => {
  it('accepts a save based on the current version', async () => {
    await save('5', { baseVersion: 0 });
    expect(await save('6', { baseVersion: 1 })).toMatchObject({ version: 2 });
  });

  it.each([
    ['a stale version', 1],
    ['"new" for an existing draft', 0],
    ['a version from the future', 9],
  ])('refuses %s with 409 and the current draft, writing nothing', async (_, baseVersion) => {
    await save('5');
    await save('6');
    const before = rowCounts();
    const response = await api('', { method: 'POST', json: { ...KEY, value: '9', baseVersion } });
    expect(response.status).toBe(409);
    const body = DraftConflictResponseSchema.parse(await response.json());
    expect(body.error.code).toBe('draft.conflict');
    expect(body.current).toMatchObject({ value: '6', version: 2 });
    expect(rowCounts()).toEqual(before);
  });

  it('reports "nothing stored" as current: null', async () => {
    const response = await api('', { method: 'POST', json: { ...KEY, value: '9', baseVersion: 3 } });
    expect(response.status).toBe(409);
    expect(DraftConflictResponseSchema.parse(await response.json()).current).toBeNull();
    expect(rowCounts()).toEqual({ drafts: 0, revisions: 0 });
  });
});

describe('restore all drafts of a page', () => {
  it('lists the live drafts of exactly that page', async () => {
    await save('7');
    await api('', { method: 'POST', json: { ...KEY, field: 'HS0002.tx1', value: '8' } });
    await api('', { method: 'POST', json: { ...KEY, field: 'HS0003.tx1', value: '9' } });
    await api('/item', { method: 'DELETE', query: fieldQuery('HS0003.tx1') });
    await api('', { method: 'POST', json: { ...KEY, page: OTHER_PAGE, value: '1' } });
    await api('', { method: 'POST', json: { ...KEY, profile: 'smas', value: '2' } });

    // Asked by query (local tools) or by body (the extension, so that its Origin is sent): one answer.
    const byQuery = await api('', { query: pageQuery() });
    const byBody = await api('/page', { method: 'POST', json: { profile: 'vnedu', page: PAGE } });
    for (const response of [byQuery, byBody]) {
      const { drafts } = PageDraftsResponseSchema.parse(await response.json());
      expect(drafts.map((d) => [d.field, d.value])).toEqual([
        ['HS0001.tx1', '7'],
        ['HS0002.tx1', '8'],
      ]);
    }
    const unknownField = await api('/page', { method: 'POST', json: { profile: 'vnedu', page: PAGE, x: 1 } });
    expect(unknownField.status).toBe(400);
  });

  it('summarises the pages of a profile that hold drafts, latest first', async () => {
    await save('7');
    agent.clock.now += 60_000;
    await api('', { method: 'POST', json: { ...KEY, page: OTHER_PAGE, value: '1' } });
    const response = await api('/pages', { query: { profile: 'vnedu' } });
    const { pages } = DraftPagesResponseSchema.parse(await response.json());
    expect(pages.map((p) => [p.page.class, p.drafts])).toEqual([
      ['6A2', 1],
      ['6A1', 1],
    ]);
  });
});

describe('history and delete', () => {
  it('keeps every revision, newest first, including the delete', async () => {
    await save('5');
    await save('6');
    const deleted = await api('/item', { method: 'DELETE', query: fieldQuery() });
    expect(DraftResponseSchema.parse(await deleted.json()).draft).toMatchObject({
      version: 3,
      deleted: true,
      value: null,
    });

    const response = await api('/history', { query: fieldQuery() });
    const { revisions } = DraftHistoryResponseSchema.parse(await response.json());
    expect(revisions.map((r) => [r.version, r.value, r.deleted])).toEqual([
      [3, null, true],
      [2, '6', false],
      [1, '5', false],
    ]);
    const limited = await api('/history', { query: { ...fieldQuery(), limit: '1' } });
    expect(DraftHistoryResponseSchema.parse(await limited.json()).revisions).toHaveLength(1);
  });

  it('hides a deleted draft, and a later save continues its version count', async () => {
    await save('5');
    await api('/item', { method: 'DELETE', query: fieldQuery() });
    expect((await api('/item', { query: fieldQuery() })).status).toBe(404);
    expect((await api('/item', { method: 'DELETE', query: fieldQuery() })).status).toBe(404);

    const stale = await api('', { method: 'POST', json: { ...KEY, value: '9', baseVersion: 1 } });
    expect(DraftConflictResponseSchema.parse(await stale.json()).current).toMatchObject({
      version: 2,
      deleted: true,
    });
    expect(await save('9', { baseVersion: 2 })).toMatchObject({ version: 3, deleted: false });
  });

  it('refuses a delete based on a stale version, deleting nothing', async () => {
    await save('5');
    await save('6');
    const response = await api('/item', { method: 'DELETE', query: { ...fieldQuery(), baseVersion: '1' } });
    expect(response.status).toBe(409);
    expect((await api('/item', { query: fieldQuery() })).status).toBe(200);
  });
});

describe('schema violations: 400 with a clear message, nothing written', () => {
  const valid = { ...KEY, value: '7' };
  it.each([
    ['a missing field', { ...valid, field: undefined }, 'field', 'Thiếu “field”'],
    ['an unknown key', { ...valid, baseversion: 1 }, '', 'Không nhận ra trường “baseversion”'],
    ['a bad profile id', { ...valid, profile: 'VN Edu' }, 'profile', 'không đúng định dạng'],
    ['a number as value', { ...valid, value: 7 }, 'value', 'phải là chuỗi ký tự'],
    ['a value that is too long', { ...valid, value: 'x'.repeat(10_001) }, 'value', 'dài quá 10000 ký tự'],
    ['an empty page', { ...valid, page: {} }, 'page', 'phải có từ 1 đến 16 tên'],
    ['a page that is not an object', { ...valid, page: '6A1' }, 'page', 'phải là đối tượng JSON'],
    [
      'a page value that is a number',
      { ...valid, page: { ...PAGE, term: 2 } },
      'page.term',
      'phải là chuỗi ký tự',
    ],
    [
      'a page name with spaces',
      { ...valid, page: { 'school year': '2024' } },
      'page.school year',
      'không được phép',
    ],
    ['a negative base version', { ...valid, baseVersion: -1 }, 'baseVersion', 'không được nhỏ hơn 0'],
    ['a fractional base version', { ...valid, baseVersion: 1.5 }, 'baseVersion', 'số nguyên'],
    ['an array body', [valid], '', 'phải là đối tượng JSON'],
  ])('save with %s', async (_, json, path, viText) => {
    const response = await api('', { method: 'POST', json });
    expect(response.status).toBe(400);
    const body = ApiErrorSchema.parse(await response.json());
    expect(body.error.code).toBe('request.invalid');
    expect(body.error.issues?.[0]?.path).toBe(path);
    expect(body.error.message.vi).toContain(viText);
    expect(body.error.message.en).toMatch(/^Invalid request: /);
    expect(rowCounts()).toEqual({ drafts: 0, revisions: 0 });
  });

  it.each([
    ['list without profile', '', { page: JSON.stringify(PAGE) }, 'profile'],
    ['list with a page that is not JSON', '', { profile: 'vnedu', page: '{class:6A1' }, 'page'],
    ['list with an unknown parameter', '', { ...pageQuery(), class: '6A1' }, ''],
    ['get without field', '/item', pageQuery(), 'field'],
    ['pages without profile', '/pages', {}, 'profile'],
    ['history with limit 0', '/history', { ...fieldQuery(), limit: '0' }, 'limit'],
    ['history with limit 5000', '/history', { ...fieldQuery(), limit: '5000' }, 'limit'],
    ['history with limit "ten"', '/history', { ...fieldQuery(), limit: 'ten' }, 'limit'],
  ])('%s', async (_, path, query, issuePath) => {
    const response = await api(path, { query });
    expect(response.status).toBe(400);
    const body = ApiErrorSchema.parse(await response.json());
    expect(body.error.issues?.[0]?.path).toBe(issuePath);
  });

  it('delete with a base version that is not a number', async () => {
    await save('5');
    const response = await api('/item', {
      method: 'DELETE',
      query: { ...fieldQuery(), baseVersion: 'latest' },
    });
    expect(response.status).toBe(400);
    expect((await api('/item', { query: fieldQuery() })).status).toBe(200);
  });
});

describe('when the disk refuses a write', () => {
  it('answers 507 naming the folder, serves reads, logs the cause, and saves again once the disk does', async () => {
    await save('đã lưu');
    const readOnly = Object.assign(new Error('attempt to write a readonly database'), {
      code: 'SQLITE_READONLY',
    });
    vi.spyOn(agent.store.writes, 'submit').mockRejectedValueOnce(readOnly);
    const refused = await api('', { method: 'POST', json: { ...KEY, value: 'mất' } });
    expect(refused.status).toBe(507);
    const { error } = ApiErrorSchema.parse(await refused.json());
    expect(error.code).toBe('storage.unwritable');
    expect(error.message.vi).toBe(
      `Chưa lưu được: Thư mục dữ liệu EduLens (${agent.store.directory}) chỉ đọc được, không ghi được (SQLITE_READONLY). Hãy gắn lại ổ đĩa ở chế độ ghi được, hoặc chọn thư mục khác bằng biến EDULENS_HOME.`,
    );
    expect(agent.logLines.at(-1)).toContain('"refusal":"storage.unwritable","cause":"SQLITE_READONLY"');
    const item = await api('/item', { query: fieldQuery() });
    expect(DraftResponseSchema.parse(await item.json()).draft.value).toBe('đã lưu');
    expect((await save('lưu lại')).value).toBe('lưu lại');
  });

  it('still answers 500 for an error that is not the disk', async () => {
    vi.spyOn(agent.store.writes, 'submit').mockRejectedValueOnce(new Error('bug'));
    expect((await api('', { method: 'POST', json: { ...KEY, value: 'x' } })).status).toBe(500);
  });
});
