import { COPIES_RANGE, checkCopies } from './copies';

describe('checkCopies', () => {
  it.each([
    ['', 1],
    ['1', 1],
    [' 20 ', 20],
    ['+3', 3],
    [String(COPIES_RANGE.max), COPIES_RANGE.max],
  ])('takes %j as %d', (text, expected) => {
    expect(checkCopies(text)).toBe(expected);
  });

  it.each(['0', '-1', String(COPIES_RANGE.max + 1), '2.5', '1e1', 'ten', '0x10'])('refuses %j', (text) => {
    expect(checkCopies(text)).toBeNull();
  });
});
