import { beforeEach, describe, expect, it } from 'vitest';
import { createVnEduPortal, type VnEduPortal } from './app';
import { type PortalClient, portalClient } from './test-client';

interface BookJson {
  rows: Array<{
    stt: number;
    maHs: string;
    values: Record<string, string>;
    computed: Record<string, string>;
  }>;
}

let portal: VnEduPortal;
let client: PortalClient;

const stored = async (query = 'lop=6A1&mon=TOAN&hk=2') =>
  (await (await portal.app.request(`/__test/scores?${query}`)).json()) as BookJson;

/** Student code on row `stt` (1-based) of 6A1. */
const codeAt = async (stt: number) => (await stored()).rows[stt - 1]!.maHs;

beforeEach(async () => {
  portal = createVnEduPortal();
  client = portalClient(portal);
  await client.login('annv.thcsnd', 'Vnedu@2025');
});

describe('vnEdu simulator: saving the grade book', () => {
  it('stores the posted model and recomputes the average', async () => {
    const code = await codeAt(3);
    const diem = { [code]: { tx1: '8', tx2: '7.5', tx3: '9', tx4: '10.0', gk: '8', ck: '7' } };
    const response = await client.save({ lop: '6A1', mon: 'TOAN', hk: 2, diem });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { message: string; changed: number };
    expect(body.message).toBe('Lưu dữ liệu thành công! Đã cập nhật 6 ô.');
    const row = (await stored()).rows[2]!;
    expect(row.values).toEqual(diem[code]);
    // (8 + 7.5 + 9 + 10 + 2·8 + 3·7) / 9 = 7.94… → 7.9; the year average needs semester I too.
    expect(row.computed.dtbhk).toBe('7.9');
  });

  it('refuses the whole grid with a Vietnamese message per bad cell', async () => {
    const [good, bad] = [await codeAt(1), await codeAt(5)];
    const response = await client.save({
      lop: '6A1',
      mon: 'TOAN',
      hk: 2,
      diem: { [good]: { tx1: '9' }, [bad]: { tx2: '11', tx3: '8,5', gk: '7.25' } },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { message: string; errors: Array<{ message: string }> };
    expect(body.message).toBe('Dữ liệu chưa được lưu. Có 3 lỗi.');
    expect(body.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^Điểm không hợp lệ tại dòng 5, cột TX2: "11"/),
      expect.stringMatching(/^Điểm không hợp lệ tại dòng 5, cột TX3: "8,5"/),
      expect.stringMatching(/^Điểm không hợp lệ tại dòng 5, cột GK: "7.25"/),
    ]);
    expect((await stored()).rows[0]!.values).toEqual({});
  });

  it('takes Đ/CĐ in comment subjects and nothing else', async () => {
    const admin = portalClient(portal);
    await admin.login('gn_thcsnd', 'Admin@2025');
    const code = await codeAt(1);
    const save = (value: string) =>
      admin.save({ lop: '6A1', mon: 'GDTC', hk: 2, diem: { [code]: { tx1: value } } });
    const refused = (await (await save('8')).json()) as { errors: Array<{ message: string }> };
    expect(refused.errors[0]?.message).toBe(
      'Nhận xét không hợp lệ tại dòng 1, cột TX1: "8" (chỉ nhập Đ hoặc CĐ).',
    );
    expect((await save('CĐ')).status).toBe(200);
    expect((await stored('lop=6A1&mon=GDTC&hk=2')).rows[0]!.values).toEqual({ tx1: 'CĐ' });
  });

  it('clears a cell posted empty and leaves absent cells alone', async () => {
    const code = await codeAt(2);
    await client.save({ lop: '6A1', mon: 'TOAN', hk: 2, diem: { [code]: { tx1: '6', tx2: '7' } } });
    await client.save({ lop: '6A1', mon: 'TOAN', hk: 2, diem: { [code]: { tx1: '' } } });
    expect((await stored()).rows[1]!.values).toEqual({ tx2: '7' });
  });

  it('refuses a save without the anti-forgery token, for another subject, or for a stranger', async () => {
    const code = await codeAt(1);
    const noToken = await client.postJson('/v5/so-diem/luu', { lop: '6A1', mon: 'TOAN', hk: 2, diem: {} });
    expect(noToken.status).toBe(403);
    const otherSubject = await client.save({ lop: '6A1', mon: 'VAN', hk: 2, diem: { [code]: { tx1: '5' } } });
    expect(otherSubject.status).toBe(403);
    expect(((await otherSubject.json()) as { message: string }).message).toBe(
      'Tài khoản annv.thcsnd không được phân công nhập điểm môn Ngữ văn lớp 6A1.',
    );
    const stranger = await client.save({
      lop: '6A1',
      mon: 'TOAN',
      hk: 2,
      diem: { '0000000000': { tx1: '5' } },
    });
    expect(((await stranger.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toBe(
      'Không tìm thấy học sinh mã 0000000000 trong lớp 6A1.',
    );
    expect((await client.save({ lop: '6A1', mon: 'TOAN', hk: 2 })).status).toBe(400);
  });

  it('refuses changes to a locked column but accepts its unchanged values', async () => {
    const code = await codeAt(4);
    await client.save({ lop: '6A1', mon: 'TOAN', hk: 2, diem: { [code]: { tx1: '6' } } });
    await portal.app.request('/__test/lock', {
      method: 'POST',
      body: JSON.stringify({ hk: 2, lop: '6A1', mon: 'TOAN', columns: ['tx1'] }),
    });
    const book = (await (await client.xhr('/v5/so-diem/bang-diem?lop=6A1&mon=TOAN&hk=2')).json()) as {
      lockedColumns: string[];
    };
    expect(book.lockedColumns).toEqual(['tx1']);
    const same = await client.save({
      lop: '6A1',
      mon: 'TOAN',
      hk: 2,
      diem: { [code]: { tx1: '6', tx2: '5' } },
    });
    expect(same.status).toBe(200);
    const changed = await client.save({ lop: '6A1', mon: 'TOAN', hk: 2, diem: { [code]: { tx1: '7' } } });
    expect(((await changed.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toBe(
      'Cột TX1 đã khóa, không thể sửa điểm tại dòng 4.',
    );
  });

  it('answers slowly when a delay is set by test endpoint or by query flag', async () => {
    await portal.app.request('/__test/config', {
      method: 'POST',
      body: JSON.stringify({ saveDelayMs: 150 }),
    });
    const body = { lop: '6A1', mon: 'TOAN', hk: 2, diem: {} };
    let started = performance.now();
    expect((await client.save(body)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    // The page's ?delay= flag, passed on by its script, wins over the setting.
    started = performance.now();
    expect((await client.save(body, '?delay=250')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });
});
