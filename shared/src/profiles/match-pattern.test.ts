import { describe, expect, it } from 'vitest';
import { matchesUrl } from './file';
import { isMatchPattern, matchesPattern, originPattern } from './match-pattern';

describe('match patterns', () => {
  it.each([
    ['https://*.vnedu.vn/v5/*', 'https://c3abcsgdhanoi.vnedu.vn/v5/index.html', true],
    ['https://*.vnedu.vn/v5/*', 'https://vnedu.vn/v5/', true],
    ['https://*.vnedu.vn/v5/*', 'https://C3ABC.VNEDU.VN/v5/#/grades', true],
    ['https://*.vnedu.vn/v5/*', 'http://c3abc.vnedu.vn/v5/', false],
    ['https://*.vnedu.vn/v5/*', 'https://c3abc.vnedu.vn/v4/', false],
    ['https://*.vnedu.vn/v5/*', 'https://evilvnedu.vn/v5/', false],
    ['https://*.vnedu.vn/v5/*', 'https://vnedu.vn.evil.example/v5/', false],
    ['*://qlnt.vinhlong.edu.vn/*', 'http://qlnt.vinhlong.edu.vn/Home/LogOn', true],
    ['*://qlnt.vinhlong.edu.vn/*', 'https://qlnt.vinhlong.edu.vn/', true],
    ['*://qlnt.vinhlong.edu.vn/*', 'ftp://qlnt.vinhlong.edu.vn/', false],
    [
      'https://truong.csdl.moet.gov.vn/*.aspx*',
      'https://truong.csdl.moet.gov.vn/C1/KetQuaHocTapImportExcel.aspx?k=1',
      true,
    ],
    ['https://*/foo*bar', 'https://www.example.com/foo/baz/bar', true],
    ['https://*/foo*bar', 'https://www.example.com/foo/baz/bar/', false],
    ['https://*/search?q=*', 'https://example.com/search?q=lop', true],
    ['http://127.0.0.1/*', 'http://127.0.0.1:41234/grades', true],
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1:41234/grades', false],
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1:8080/grades', true],
    ['https://example.com:443/*', 'https://example.com/', true],
    ['http://localhost:*/*', 'http://localhost:3000/', true],
    ['http://*/*', 'http://user:pw@example.com/x', true],
  ])('%s ~ %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it.each(['https://*.vnedu.vn/v5/*', '*://*/*', 'http://127.0.0.1:8080/*', 'http://localhost:*/'])(
    'accepts %s',
    (pattern) => {
      expect(isMatchPattern(pattern)).toBe(true);
    },
  );

  it.each([
    '<all_urls>',
    'file:///foo*',
    'https://vnedu.vn',
    'https://*vnedu.vn/*',
    'https://www.*.vn/*',
    'ftp://example.com/*',
    'https://exa mple.com/*',
    'vnedu.vn/*',
  ])('rejects %s', (pattern) => {
    expect(isMatchPattern(pattern)).toBe(false);
  });

  it('never matches a string that is not a URL', () => {
    expect(matchesPattern('*://*/*', 'not a url')).toBe(false);
  });

  it('matchesUrl tries every pattern of a profile', () => {
    const profile = { match: ['https://*.vnedu.vn/v5/*', 'http://127.0.0.1/*'] };
    expect(matchesUrl(profile, 'http://127.0.0.1:5173/v5/')).toBe(true);
    expect(matchesUrl(profile, 'https://smas.edu.vn/')).toBe(false);
  });

  it.each([
    ['https://*.vnedu.vn/v5/*', 'https://*.vnedu.vn/*'],
    ['http://127.0.0.1:8080/grades/*', 'http://127.0.0.1:8080/*'],
    ['*://smas.edu.vn/*', '*://smas.edu.vn/*'],
  ])('originPattern(%s) covers every path of its origin: %s', (pattern, origin) => {
    expect(originPattern(pattern)).toBe(origin);
    expect(isMatchPattern(origin)).toBe(true);
  });

  it('originPattern refuses what is not a match pattern', () => {
    expect(() => originPattern('<all_urls>')).toThrow('not a match pattern');
  });
});
