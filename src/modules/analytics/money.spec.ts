import { centsToDecimalString } from 'src/modules/analytics/money';

describe(centsToDecimalString.name, () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123456, '1234.56'],
    [-1205, '-12.05'],
    [99_999_999_999, '999999999.99'],
  ])('%d cents is %s', (cents, text) => {
    expect(centsToDecimalString(cents)).toBe(text);
  });

  it('refuses fractions of a cent', () => {
    expect(() => centsToDecimalString(1.5)).toThrow(RangeError);
  });
});
