import { describe, expect, it } from 'vitest';
import { createVnEduPortal } from './app';
import { readLoginForm, portalClient } from './test-client';

describe('vnEdu simulator: login and accounts', () => {
  it('names demo accounts by the vnEdu rule', async () => {
    const accounts = (await (await createVnEduPortal().app.request('/__test/accounts')).json()) as Array<{
      username: string;
      role: string;
    }>;
    const names = accounts.map((account) => account.username);
    expect(names).toEqual(
      expect.arrayContaining([
        'annv.thcsnd',
        'ngocttb.thcsnd',
        'haidd.thcsnd',
        'gn_thcsnd',
        'cj_thcsll',
        'nhunglth.thtqt',
        'gn_thtqt',
      ]),
    );
    for (const { username, role } of accounts) {
      expect(username).toMatch(role === 'admin' ? /^[a-z]+_[a-z]+$/ : /^[a-z]+\.[a-z]+$/);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('shows a captcha that tests can read, and checks it once', async () => {
    const client = portalClient();
    const html = await (await client.request('/v5/login')).text();
    expect(html).toContain('<form id="frmLogin"');
    expect(html).toContain('<img class="captcha"');
    const form = readLoginForm(html);
    const peek = await client.request(`/__test/captcha?token=${form.token}`);
    expect(await peek.json()).toEqual({ text: form.captcha });
    expect((await client.request(`/v5/captcha/${form.token}.svg`)).headers.get('content-type')).toBe(
      'image/svg+xml',
    );

    const post = (captcha: string) =>
      client.request('/v5/login', {
        method: 'POST',
        body: new URLSearchParams({
          _token: form.token,
          username: 'annv.thcsnd',
          password: 'Vnedu@2025',
          captcha,
        }),
      });
    const wrong = await post('XXXXX');
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Mã xác nhận không đúng.');
    // The form token was used up by the failed try.
    expect(await (await post(form.captcha)).text()).toContain('Phiên đăng nhập không hợp lệ');
  });

  it('refuses a wrong password and lets the right one in with a session cookie', async () => {
    const client = portalClient();
    const wrong = await client.login('annv.thcsnd', 'sai-mat-khau');
    expect(await wrong.text()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect((await client.request('/v5/')).headers.get('location')).toBe('/v5/login?next=%2Fv5%2F');

    const right = await client.login('ANNV.thcsnd', 'Vnedu@2025');
    expect(right.status).toBe(302);
    expect(right.headers.get('set-cookie')).toMatch(/^PHPSESSID=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const desktop = await (await client.request('/v5/')).text();
    expect(desktop).toContain('Nguyễn Văn An (annv.thcsnd)');
    for (const label of ['Khối:', 'Lớp:', 'Môn:', 'Học kỳ:']) expect(desktop).toContain(`>${label}</label>`);
    expect(desktop).toContain('data-app="nhap-diem"');
  });

  it('sends pages to the login and answers the page script with 401 JSON', async () => {
    const client = portalClient();
    const page = await client.request('/v5/so-diem/nhap-diem?lop=6A1');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/v5/login?next=%2Fv5%2Fso-diem%2Fnhap-diem%3Flop%3D6A1');
    const xhr = await client.load({ iLopId: '418201', iMonHocId: '1019', iHocKy: '1', muc: 'hk1' });
    expect(xhr.status).toBe(401);
    expect(await xhr.json()).toMatchObject({ code: 'SESSION_EXPIRED', login: '/v5/login?het_han=1' });
  });

  it('logs out', async () => {
    const client = portalClient();
    await client.login('gn_thcsnd', 'Admin@2025');
    expect((await client.request('/v5/')).status).toBe(200);
    expect((await client.request('/v5/logout')).headers.get('location')).toBe('/v5/login');
    expect((await client.request('/v5/')).status).toBe(302);
  });
});
