import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../text/index';
import { codeKey, deaccentNameKey, exactKey, toneNameKey } from './keys';
import { type MatchTarget, matchRows, type RowMatch } from './match-rows';

const klass: MatchTarget[] = [
  { code: '6300000001', name: 'Nguyễn Văn An' },
  { code: '6300000002', name: 'Trần Thị Hoà' },
  { code: '6300000003', name: "H'Hen Niê" },
  { code: '6300000004', name: 'Lê Quốc Thuỷ' },
  { code: '6300000005', name: 'Phạm Minh Khôi' },
  { code: '6300000006', name: 'Đặng Thu Trang' },
];

function only(sources: { code?: string; name: string }[], targets = klass): RowMatch {
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

describe('matchRows', () => {
  it('matches by student code first, whatever the name says, with confidence 1', () => {
    expect(only([{ code: '6300000005', name: 'Phạm Minh Khôi' }])).toMatchObject({
      status: 'matched',
      target: 4,
      method: 'code',
      confidence: 1,
    });
    const wrongName = only([{ code: '6300000005', name: 'Hoàng Thị Yến' }]);
    expect(wrongName).toMatchObject({ status: 'matched', target: 4, method: 'code', nameDiffers: true });
    expect(wrongName.status === 'matched' && wrongName.confidence).toBeLessThan(1);
  });

  it('falls back to the name when the code is missing or not in the class', () => {
    expect(only([{ name: 'Đặng Thu Trang' }])).toMatchObject({ target: 5, method: 'exact' });
    const otherCode = only([{ code: 'X99', name: 'Đặng Thu Trang' }]);
    expect(otherCode).toMatchObject({ target: 5, method: 'exact', codeDiffers: true });
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

  it('forgives typos at the fuzzy tier with a lower confidence', () => {
    const typo = only([{ name: 'Phạm Minh Khôii' }]);
    expect(typo).toMatchObject({ status: 'matched', target: 4, method: 'fuzzy' });
    expect(typo.status === 'matched' && typo.confidence).toBeLessThan(0.9);
    expect(only([{ name: 'Ngyuen Van An' }])).toMatchObject({ target: 0, method: 'fuzzy' });
    // A different given name is a different student, however alike the rest.
    expect(only([{ name: 'Nguyễn Văn Anh' }]).status).toBe('unknown');
  });

  it('reports a student who is not in the class, with the nearest name', () => {
    expect(only([{ code: '6399999999', name: 'Võ Thị Yến Nhi' }])).toMatchObject({ status: 'unknown' });
    const near = only([{ name: 'Phạm Minh Hải' }]);
    expect(near.status).toBe('unknown');
    expect(near.status === 'unknown' && near.nearest?.target).toBe(4);
  });

  it('does not guess between two students of the same name', () => {
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

  it('takes the last same-named student by elimination, with less confidence', () => {
    const twins: MatchTarget[] = [...klass, { code: '6300000007', name: 'Nguyễn Văn An' }];
    const { rows } = matchRows(
      [{ code: '6300000007', name: 'Nguyễn Văn An' }, { name: 'Nguyễn Văn An' }],
      twins,
    );
    expect(rows[0]).toMatchObject({ status: 'matched', target: 6, method: 'code' });
    expect(rows[1]).toMatchObject({ status: 'matched', target: 0, method: 'exact', byElimination: true });
    expect(rows[1]!.status === 'matched' && rows[1]!.confidence).toBeLessThan(0.9);
  });

  it('is ambiguous on a fuzzy near tie', () => {
    const targets: MatchTarget[] = [
      { code: '1', name: 'Lê Văn Bình' },
      { code: '2', name: 'Lê Văn Bính' },
    ];
    expect(only([{ name: 'Le Van Binhh' }], targets)).toMatchObject({ status: 'ambiguous', method: 'fuzzy' });
  });

  it('matches each student at most once: a second row for the same student is a duplicate', () => {
    const { rows, unmatchedTargets } = matchRows(
      [{ code: '6300000001', name: 'Nguyễn Văn An' }, { name: 'Nguyễn Văn An' }, { name: 'Nguyễn Văn Ann' }],
      klass,
    );
    expect(rows[0]).toMatchObject({ status: 'matched', target: 0 });
    expect(rows[1]).toMatchObject({ status: 'duplicate', candidates: [0] });
    // Not pushed onto another student by the fuzzy tier.
    expect(rows[2]!.status).not.toBe('matched');
    expect(unmatchedTargets).toEqual([1, 2, 3, 4, 5]);

    const sameCode = matchRows(
      [
        { code: '6300000002', name: 'Trần Thị Hoà' },
        { code: '6300000002', name: 'Trần Thị Hoà' },
      ],
      klass,
    );
    expect(sameCode.rows.map((row) => row.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('orders confidence code > exact > tone > de-accented > fuzzy', () => {
    const { rows } = matchRows(
      [
        { code: '6300000001', name: 'Nguyễn Văn An' },
        { name: 'Trần Thị Hoà' },
        { name: 'Lê Quốc Thủy' },
        { name: 'Dang Thu Trang' },
        { name: 'Phạm Minh Khoii' },
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
