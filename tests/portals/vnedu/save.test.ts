import { beforeEach, describe, expect, it } from 'vitest';
import { createVnEduPortal, type VnEduPortal } from './app';
import { bookFields, cellsBody, type PortalClient, portalClient, type TestBook } from './test-client';

// "Lưu" on the server: the page posts `txt_<hoc_sinh_id>_<column>_<muc>=value` for changed inputs;
// the portal stores everything or nothing, answers in Vietnamese and gives back the new value0
// and title of every saved cell.

let portal: VnEduPortal;
let client: PortalClient;

const book = (query = 'lop=6A1&mon=TOAN&hk=2') => client.book(query);

interface SaveAnswer {
  success: boolean;
  message: string;
  changed: number;
  cells: Record<string, { value0: string; title: string }>;
  computed: Record<string, Record<string, string>>;
  errors: Array<{ name: string; message: string }>;
}

const save = async (target: TestBook, cells: Record<number, Record<string, string>>, query = '') => {
  const response = await client.save(cellsBody(target, cells), query);
  return { status: response.status, body: (await response.json()) as SaveAnswer };
};

beforeEach(async () => {
  // A clock that stands still, so the titles' time stamps are known.
  portal = createVnEduPortal({ realNow: () => 0 });
  client = portalClient(portal);
  await client.login('annv.thcsnd', 'Vnedu@2025');
});

describe('vnEdu simulator: saving a TT22 book', () => {
  it('stores the posted cells, answers their value0 and title, and recomputes the average', async () => {
    const before = await book();
    const values = { tx1: '8', tx2: '7.5', tx3: '9', tx4: '10.0', gk: '8', ck: '7' };
    const { status, body } = await save(before, { 2: values });
    expect(status).toBe(200);
    expect(body.message).toBe('Lưu dữ liệu thành công! Đã cập nhật 6 ô.');
    const row = (await book()).rows[2]!;
    expect(row.values).toEqual(values);
    // (8 + 7.5 + 9 + 10 + 2·8 + 3·7) / 9 = 7.94… → 7.9; the year average needs semester I too.
    expect(row.computed.dtbhk).toBe('7.9');
    expect(body.computed[row.maHs]).toEqual({ tbhk: '7.9', tbcn: row.computed.dtbcn });
    expect(body.cells[row.names.tx1!]).toEqual({ value0: '8', title: 'annv.thcsnd - 08:00:00 20/11/2025' });
    expect(row.titles.gk).toBe('annv.thcsnd - 08:00:00 20/11/2025');
  });

  it('refuses the whole post with a Vietnamese message per bad cell', async () => {
    const before = await book();
    const { status, body } = await save(before, {
      0: { tx1: '9' },
      4: { tx2: '11', tx3: '8,5', gk: '7.25' },
    });
    expect(status).toBe(422);
    expect(body.message).toBe('Dữ liệu chưa được lưu. Có 3 lỗi.');
    expect(body.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^Điểm không hợp lệ tại dòng 5, cột TX2: "11"/),
      expect.stringMatching(/^Điểm không hợp lệ tại dòng 5, cột TX3: "8,5"/),
      expect.stringMatching(/^Điểm không hợp lệ tại dòng 5, cột GK: "7.25"/),
    ]);
    expect(body.errors[0]!.name).toBe(before.rows[4]!.names.tx2);
    expect((await book()).rows[0]!.values).toEqual({});
  });

  it('takes Đ/CĐ in comment-only subjects and nothing else', async () => {
    const admin = portalClient(portal);
    await admin.login('gn_thcsnd', 'Admin@2025');
    const target = await book('lop=6A1&mon=GDTC&hk=2');
    const post = (value: string) => admin.save(cellsBody(target, { 0: { tx1: value } }));
    const refused = (await (await post('8')).json()) as SaveAnswer;
    expect(refused.errors[0]?.message).toBe(
      'Nhận xét không hợp lệ tại dòng 1, cột TX1: "8" (chỉ nhập Đ hoặc CĐ).',
    );
    expect((await post('CĐ')).status).toBe(200);
    expect((await book('lop=6A1&mon=GDTC&hk=2')).rows[0]!.values).toEqual({ tx1: 'CĐ' });
  });

  it('keeps the comment column to 500 characters', async () => {
    const target = await book();
    const long = 'Em học tốt. '.repeat(45);
    const { status, body } = await save(target, { 0: { nx: long } });
    expect(status).toBe(422);
    expect(body.errors[0]?.message).toBe(
      `Nhận xét quá dài tại dòng 1, cột Nhận xét: ${long.trim().length} ký tự (nhận xét không quá 500 ký tự).`,
    );
    expect((await save(target, { 0: { nx: 'Em tiến bộ rõ, cần giữ vững.' } })).status).toBe(200);
  });

  it('clears a cell posted empty and leaves absent cells alone', async () => {
    const target = await book();
    await save(target, { 1: { tx1: '6', tx2: '7' } });
    await save(target, { 1: { tx1: '' } });
    const row = (await book()).rows[1]!;
    expect(row.values).toEqual({ tx2: '7' });
    // The clearing is a save too: the title says who cleared it.
    expect(row.titles.tx1).toBe('annv.thcsnd - 08:00:00 20/11/2025');
  });

  it('refuses a save without the anti-forgery token, for another subject, or a stranger', async () => {
    const target = await book();
    const noToken = await client.action('edu.so_diem.luu', bookFields(target));
    expect(noToken.status).toBe(403);
    const other = await book('lop=6A1&mon=VAN&hk=2');
    const otherSubject = await client.save(cellsBody(other, { 0: { tx1: '5' } }));
    expect(otherSubject.status).toBe(403);
    expect(((await otherSubject.json()) as SaveAnswer).message).toBe(
      'Tài khoản annv.thcsnd không được phân công nhập điểm môn Ngữ văn lớp 6A1.',
    );
    const stranger = await client.save([...Object.entries(bookFields(target)), ['txt_1_tx1_hk2', '5']]);
    expect(((await stranger.json()) as SaveAnswer).errors[0]?.message).toBe(
      'Không tìm thấy học sinh của ô "txt_1_tx1_hk2" trong lớp 6A1.',
    );
    const wrongPeriod = await client.save([
      ...Object.entries(bookFields(target)),
      [target.rows[0]!.names.tx1!.replace('_hk2', '_hk1'), '5'],
    ]);
    expect(((await wrongPeriod.json()) as SaveAnswer).errors[0]?.message).toBe(
      'Cột "tx1_hk1" không có trong sổ môn Toán (dòng 1).',
    );
  });

  it('refuses changes to a locked column but accepts its unchanged values', async () => {
    const target = await book();
    await save(target, { 3: { tx1: '6' } });
    await portal.app.request('/__test/lock', {
      method: 'POST',
      body: JSON.stringify({ hk: 2, lop: '6A1', mon: 'TOAN', columns: ['tx1'] }),
    });
    expect((await book()).columns.find((c) => c.key === 'tx1')?.locked).toBe('column');
    expect((await save(target, { 3: { tx1: '6', tx2: '5' } })).status).toBe(200);
    const changed = await save(target, { 3: { tx1: '7' } });
    expect(changed.body.errors[0]?.message).toBe('Cột TX1 đã khóa, không thể sửa điểm tại dòng 4.');
  });

  it('answers slowly when a delay is set by test endpoint or by query flag', async () => {
    await portal.app.request('/__test/config', {
      method: 'POST',
      body: JSON.stringify({ saveDelayMs: 150 }),
    });
    const target = await book();
    let started = performance.now();
    expect((await client.save(bookFields(target))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    // The page's ?delay= flag, passed on by its script, wins over the setting.
    started = performance.now();
    expect((await client.save(bookFields(target), '&delay=250')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });
});

describe('vnEdu simulator: saving a TT27 book', () => {
  let teacher: PortalClient;
  const primary = (query = 'school=thtqt&lop=2D&mon=TV&muc=ck2') => teacher.book(query);

  beforeEach(async () => {
    await portal.app.request('/__test/clock', {
      method: 'POST',
      body: JSON.stringify({ now: '2026-05-20T09:00:00+07:00' }),
    });
    teacher = portalClient(portal);
    await teacher.login('nhunglth.thtqt', 'Vnedu@2025');
  });

  const post = async (target: TestBook, cells: Record<number, Record<string, string>>) => {
    const response = await teacher.save(cellsBody(target, cells));
    return { status: response.status, body: (await response.json()) as SaveAnswer };
  };

  it('takes whole test scores 1–10, T/H/C levels and comments up to 500 characters', async () => {
    const target = await primary();
    const comment = 'Em đọc to, rõ ràng; viết đúng chính tả.';
    const ok = await post(target, { 0: { kt: '9', xl: 'T', nx: comment } });
    expect(ok.status).toBe(200);
    expect(ok.body.cells[target.rows[0]!.names.nx!]).toEqual({
      value0: comment,
      title: `nhunglth.thtqt - 09:00:00 20/05/2026 - ${comment.length} ký tự`,
    });
    const refused = await post(target, { 1: { kt: '8.5', xl: 'Đ' }, 2: { kt: '0', nx: 'x'.repeat(501) } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e) => e.message)).toEqual([
      'Điểm không hợp lệ tại dòng 2, cột KT CN: "8.5" (điểm kiểm tra là số nguyên từ 1 đến 10).',
      'Mức đạt không hợp lệ tại dòng 2, cột XL CN: "Đ" (chỉ nhập T, H hoặc C).',
      'Điểm không hợp lệ tại dòng 3, cột KT CN: "0" (điểm kiểm tra là số nguyên từ 1 đến 10).',
      'Nhận xét quá dài tại dòng 3, cột Nhận xét cuối kỳ: 501 ký tự (nhận xét không quá 500 ký tự).',
    ]);
    expect((await primary()).rows[1]!.values).toEqual({});
  });

  it('refuses the retake columns until the retake opens', async () => {
    const target = await primary();
    const closed = await post(target, { 0: { ktl: '6' } });
    expect(closed.status).toBe(422);
    expect(closed.body.errors[0]?.message).toBe(
      'Cột KT CN(Sau thi lại) chỉ được nhập sau kỳ thi lại, không thể nhập tại dòng 1.',
    );
    await portal.app.request('/__test/retake', { method: 'POST', body: JSON.stringify({ open: true }) });
    expect((await post(target, { 0: { ktl: '6', xll: 'H' } })).status).toBe(200);
  });

  it('has no test column where TT27 has no periodic test', async () => {
    const columns = async (query: string) => (await primary(query)).columns.map((c) => c.header);
    expect(await columns('school=thtqt&lop=2D&mon=TV&muc=gk1')).toEqual(['Nhận xét giữa kỳ', 'XL GK']);
    expect(await columns('school=thtqt&lop=4A&mon=TOAN&muc=gk2')).toEqual([
      'Nhận xét giữa kỳ',
      'KT GK',
      'XL GK',
    ]);
    expect(await columns('school=thtqt&lop=2D&mon=TV&muc=ck1')).toEqual([
      'Nhận xét cuối kỳ',
      'KT CK',
      'XL CK',
    ]);
    expect(await columns('school=thtqt&lop=2D&mon=DD&muc=ck2')).toEqual([
      'Nhận xét cuối kỳ',
      'XL CN',
      'XL CN(Sau thi lại)',
    ]);
  });
});
