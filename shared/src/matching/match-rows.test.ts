import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../text/index';
import { codeKey, deaccentNameKey, exactKey, toneNameKey } from './keys';
import { type MatchSource, type MatchTarget, matchRows, type RowMatch } from './match-rows';

const klass: MatchTarget[] = [
  { code: '6300000001', name: 'Nguyễn Văn An' },
  { code: '6300000002', name: 'Trần Thị Hoà' },
  { code: '6300000003', name: "H'Hen Niê" },
  { code: '6300000004', name: 'Lê Quốc Thuỷ' },
  { code: '6300000005', name: 'Phạm Minh Khôi' },
  { code: '6300000006', name: 'Đặng Thu Trang' },
];

function only(sources: MatchSource[], targets = klass): RowMatch {
  const result = matchRows(sources, targets);
  expect(result.rows).toHaveLength(sources.length);
  return result.rows[0]!;
}

describe('keys', () => {
  it('codes ignore spaces, case and the leading zeros Excel drops', () => {
    expect(codeKey(' hs 0012 ')).toBe('HS0012');
    expect(codeKey('00123')).toBe(codeKey('123'));
    expect(codeKey('0')).toBe('0');
  });

  it('names: NFC, case, spaces, apostrophes', () => {
    expect(exactKey('Nguye\u0302\u0303n  Văn An')).toBe(exactKey('nguyễn văn an'));
    expect(exactKey('H\u2019Hen Niê')).toBe(exactKey("H'Hen Niê"));
    expect(toneNameKey('Trần Thị Hòa')).toBe(toneNameKey('Trần Thị Hoà'));
    expect(deaccentNameKey("H'Hen Niê")).toBe('hhen nie');
    expect(deaccentNameKey('Đặng Thu Trang')).toBe('dang thu trang');
  });
});

describe('matchRows — the policy', () => {
  it('invariant 1: a code of the book is decisive; a name that is not that student makes it doubtful', () => {
    expect(only([{ code: '6300000005', name: 'Phạm Minh Khôi' }])).toMatchObject({
      status: 'matched',
      target: 4,
      method: 'code',
      confidence: 1,
      doubts: [],
    });
    const wrongName = only([{ code: '6300000005', name: 'Hoàng Thị Yến' }]);
    expect(wrongName).toMatchObject({
      status: 'matched',
      target: 4,
      method: 'code',
      doubts: ['name-differs'],
    });
    // No name in the file: the code alone decides.
    expect(only([{ code: '6300000005', name: '' }])).toMatchObject({ target: 4, doubts: [] });
    // The same name spelled without accents or with a typo is still that student's.
    expect(only([{ code: '6300000005', name: 'Pham Minh Khoi' }])).toMatchObject({ doubts: [] }); // A name half repaired from a legacy encoding ("Phạm Minh KhÈi") is still that student's.
    expect(only([{ code: '6300000005', name: 'Phạm Minh Khoì' }])).toMatchObject({ doubts: [] });
  });

  it('invariant 1: codes swapped between two rows are doubts, each name pointing at its own student', () => {
    const { rows } = matchRows(
      [
        { code: '6300000002', name: 'Nguyễn Văn An' },
        { code: '6300000001', name: 'Trần Thị Hoà' },
      ],
      klass,
    );
    expect(rows.map((row) => row.status === 'matched' && row.doubts)).toEqual([
      ['name-differs'],
      ['name-differs'],
    ]);
  });

  it('invariant 1: a code that is not in the book is "không có trong lớp" and never matched by name', () => {
    const otherCode = only([{ code: 'X99', name: 'Đặng Thu Trang' }]);
    expect(otherCode).toMatchObject({ status: 'not-in-class', sameName: 5 });
    expect(only([{ code: '6399999999', name: 'Võ Thị Yến Nhi' }])).toEqual({
      status: 'not-in-class',
      source: 0,
    });
  });

  it('invariant 2: without a code, only the same full name matches; a shared given or family name never does', () => {
    expect(only([{ name: 'Đặng Thu Trang' }])).toMatchObject({ target: 5, method: 'exact', doubts: [] });
    // Same given name, another family: a stranger.
    expect(only([{ name: 'Lê Văn Khôi' }]).status).toBe('unknown');
    expect(only([{ name: 'Võ Hoàng Trang' }]).status).toBe('unknown');
    // Same family and middle name, another given name.
    expect(only([{ name: 'Nguyễn Văn Anh' }]).status).toBe('unknown');
    // A missing middle name is not the same full name.
    expect(only([{ name: 'Đặng Trang' }]).status).toBe('unknown');
  });

  it('invariant 2: a birth date in the file must agree with the page', () => {
    const dated: MatchTarget[] = klass.map((t, i) => ({ ...t, birthDate: `0${i + 1}/09/2013` }));
    expect(only([{ name: 'Đặng Thu Trang', birthDate: '6/9/2013' }], dated)).toMatchObject({ target: 5 });
    expect(only([{ name: 'Đặng Thu Trang', birthDate: '07/09/2013' }], dated).status).toBe('unknown');
    // By code the date is a doubt.
    expect(
      only([{ code: '6300000006', name: 'Đặng Thu Trang', birthDate: '07/09/2013' }], dated),
    ).toMatchObject({
      status: 'matched',
      doubts: ['birth-date-differs'],
    });
  });

  it('invariant 3: a close spelling of the whole name matches, as a doubt', () => {
    const typo = only([{ name: 'Phạm Minh Khôii' }]);
    expect(typo.status).toBe('unknown'); // the given name differs: another person
    const family = only([{ name: 'Phạn Minh Khôi' }]);
    expect(family).toMatchObject({
      status: 'matched',
      target: 4,
      method: 'fuzzy',
      doubts: ['close-spelling'],
    });
    expect(only([{ name: 'Ngyuen Van An' }])).toMatchObject({
      target: 0,
      method: 'fuzzy',
      doubts: ['close-spelling'],
    });
  });

  it('invariant 3: accents that differ from the page are a doubt; none at all is how anyone types the name', () => {
    expect(only([{ name: 'Dang Thu Trang' }])).toMatchObject({ target: 5, method: 'deaccent', doubts: [] });
    expect(only([{ name: 'Đặng Thư Trâng' }])).toMatchObject({ target: 5, doubts: ['accents-differ'] });
  });

  it('treats NFD and NFC spellings as the same exact name', () => {
    const nfd = 'Nguyễn Văn An'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Văn An');
    expect(only([{ name: nfd }])).toMatchObject({ target: 0, method: 'exact', confidence: 0.99 });
  });

  it('meets old and new tone placement (hòa / hoà, thủy / thuỷ) at the tone tier', () => {
    expect(only([{ name: 'Trần Thị Hòa' }])).toMatchObject({ target: 1, method: 'tone' });
    expect(only([{ name: 'LÊ QUỐC THỦY' }])).toMatchObject({ target: 3, method: 'tone' });
  });

  it('matches names typed without diacritics at the de-accented tier', () => {
    expect(only([{ name: 'Dang Thu Trang' }])).toMatchObject({
      target: 5,
      method: 'deaccent',
      confidence: 0.9,
    });
    expect(only([{ name: 'Hhen Nie' }])).toMatchObject({ target: 2, method: 'deaccent' });
  });

  it('keeps minority names with apostrophes, straight or curly', () => {
    expect(only([{ name: 'H\u2019Hen Niê' }])).toMatchObject({ target: 2, method: 'exact' });
    expect(only([{ name: "H'Hen Nie" }])).toMatchObject({ target: 2, method: 'deaccent' });
    expect(only([{ name: "H' Hen Niê" }])).toMatchObject({ target: 2, method: 'deaccent' });
  });

  it('invariant 4: does not guess between two students of the same name', () => {
    const twins: MatchTarget[] = [...klass, { code: '6300000007', name: 'Nguyễn Văn An' }];
    expect(only([{ name: 'Nguyễn Văn An' }], twins)).toMatchObject({
      status: 'ambiguous',
      method: 'exact',
      candidates: [0, 6],
    });
    expect(only([{ name: 'Nguyen Van An' }], twins)).toMatchObject({
      status: 'ambiguous',
      method: 'deaccent',
    });
    // The code settles it.
    expect(only([{ code: '6300000007', name: 'Nguyễn Văn An' }], twins)).toMatchObject({
      status: 'matched',
      target: 6,
    });
  });

  it('invariant 3: the last same-named student, by elimination, is a doubt', () => {
    const twins: MatchTarget[] = [...klass, { code: '6300000007', name: 'Nguyễn Văn An' }];
    const { rows } = matchRows(
      [{ code: '6300000007', name: 'Nguyễn Văn An' }, { name: 'Nguyễn Văn An' }],
      twins,
    );
    expect(rows[0]).toMatchObject({ status: 'matched', target: 6, method: 'code' });
    expect(rows[1]).toMatchObject({
      status: 'matched',
      target: 0,
      method: 'exact',
      doubts: ['by-elimination'],
    });
  });

  it('invariant 4: two students alike within a typo make a row ambiguous, and they are unsure, not missing', () => {
    const targets: MatchTarget[] = [
      { code: '1', name: 'Lê Văn Bình' },
      { code: '2', name: 'Lý Văn Bình' },
      { code: '3', name: 'Hồ Thị Mai' },
    ];
    const result = matchRows([{ name: 'Lâ Văn Bình' }], targets);
    expect(result.rows[0]).toMatchObject({ status: 'ambiguous', method: 'fuzzy', candidates: [0, 1] });
    expect(result.unsureTargets).toEqual([0, 1]);
    expect(result.unmatchedTargets).toEqual([2]);
  });

  it('invariant 4: each student at most once: a second row for the same student is a duplicate', () => {
    const { rows, unmatchedTargets } = matchRows(
      [{ code: '6300000001', name: 'Nguyễn Văn An' }, { name: 'Nguyễn Văn An' }, { name: 'Nguyễn Văn Ann' }],
      klass,
    );
    expect(rows[0]).toMatchObject({ status: 'matched', target: 0 });
    expect(rows[1]).toMatchObject({ status: 'duplicate', candidates: [0] });
    // Not pushed onto another student by the fuzzy tier.
    expect(rows[2]!.status).not.toBe('matched');
    expect(unmatchedTargets).toEqual([1, 2, 3, 4, 5]);
    expect(rows[2]!.status).toBe('unknown'); // "Ann" is not "An": another given name

    const sameCode = matchRows(
      [
        { code: '6300000002', name: 'Trần Thị Hoà' },
        { code: '6300000002', name: 'Trần Thị Hoà' },
      ],
      klass,
    );
    expect(sameCode.rows.map((row) => row.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('orders confidence code > exact > tone > de-accented > close spelling', () => {
    const { rows } = matchRows(
      [
        { code: '6300000001', name: 'Nguyễn Văn An' },
        { name: 'Trần Thị Hoà' },
        { name: 'Lê Quốc Thủy' },
        { name: 'Dang Thu Trang' },
        { name: 'Phạm Minhh Khôi' },
      ],
      klass,
    );
    const confidences = rows.map((row) => (row.status === 'matched' ? row.confidence : -1));
    expect(rows.map((row) => row.status === 'matched' && row.method)).toEqual([
      'code',
      'exact',
      'tone',
      'deaccent',
      'fuzzy',
    ]);
    for (let i = 1; i < confidences.length; i++) expect(confidences[i]!).toBeLessThan(confidences[i - 1]!);
    for (const confidence of confidences) expect(confidence).toBeGreaterThan(0);
  });

  it('a TCVN3 name only matches once repaired (the sheet layer repairs it)', () => {
    expect(only([{ name: encodeTcvn3('Trần Thị Hoà') }]).status).not.toBe('exact');
  });

  it('property: a shuffled class matches itself one to one by name alone', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(klass, { minLength: 1 }), (subset) => {
        const { rows } = matchRows(
          subset.map(({ name }) => ({ name })),
          klass,
        );
        const targets = rows.map((row) => (row.status === 'matched' ? klass[row.target]!.name : null));
        expect(targets).toEqual(subset.map(({ name }) => name));
      }),
    );
  });
});
