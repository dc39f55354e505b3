/** Deterministic realistic Vietnamese names, so bench runs compare like with like. */
const families = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Ngọc', 'Minh', 'Thanh', 'Quốc', 'Thuỳ', 'Bảo', 'Gia', 'Khánh'];
const givens = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hường',
  'Khôi',
  'Lan',
  'Mai',
  'Ngọc',
  'Phúc',
  'Quân',
  'Thảo',
  'Trí',
  'Uyên',
  'Vy',
  'Yến',
  'Đạt',
  'Nguyệt',
  'Tuấn',
];

/** A small linear congruential generator: same seed, same sequence, no dependency. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function vietnameseNames(count: number, random = seededRandom(2025)): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () => `${pick(families)} ${pick(middles)} ${pick(givens)}`);
}
