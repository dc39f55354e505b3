import { describe, expect, it } from 'vitest';
import { checkCommentMark, includesSubject, subjectKey } from './subjects';

describe('subjectKey', () => {
  it.each([
    ['Mĩ thuật', 'Mỹ thuật'],
    ['Vật lí', 'Vật lý'],
    ['Kĩ thuật', 'Kỹ thuật'],
    ['Lịch sử và Địa lí', 'Lịch sử và Địa lý'],
    ['Ngữ văn', '  NGỮ   VĂN '],
    ['Toán', 'To\u0061\u0301n'], // decomposed á
  ])('%j matches %j', (a, b) => {
    expect(subjectKey(a)).toBe(subjectKey(b));
  });

  it.each([
    ['Tiếng Anh', 'Tiếng Việt'],
    ['Toán', 'Tin học'],
    ['Quý', 'Quí'], // y after the u of "qu" is a vowel cluster, left alone
  ])('%j does not match %j', (a, b) => {
    expect(subjectKey(a)).not.toBe(subjectKey(b));
  });

  it('finds a subject in a list whatever its spelling', () => {
    expect(includesSubject(['Âm nhạc', 'Mỹ thuật'], 'mĩ thuật')).toBe(true);
    expect(includesSubject(['Âm nhạc', 'Mỹ thuật'], 'Thể dục')).toBe(false);
  });
});

describe('checkCommentMark', () => {
  it.each([
    ['Đ', 'dat'],
    ['đạt', 'dat'],
    [' ĐẠT ', 'dat'],
    ['D', 'dat'],
    ['CĐ', 'chua-dat'],
    ['Chưa  đạt', 'chua-dat'],
    ['cd', 'chua-dat'],
    ['chua dat', 'chua-dat'],
  ])('%j → %s', (raw, mark) => {
    expect(checkCommentMark(raw)).toEqual({ value: mark, problems: [] });
  });

  it.each([null, undefined, '', '  '])('%j is blank', (raw) => {
    expect(checkCommentMark(raw)).toEqual({ value: null, problems: [] });
  });

  it.each(['X', 'constructor', 8, 'Tốt'])('%j is rejected with the value in the message', (raw) => {
    const { value, problems } = checkCommentMark(raw);
    expect(value).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'comment.format', severity: 'error' });
    expect(problems[0]?.message.vi).toContain(String(raw));
    expect(problems[0]?.message.en).toContain(String(raw));
  });
});
