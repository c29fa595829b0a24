import { Fraction } from 'src/modules/analytics/star-rating/fraction';
import { roundHalfUp, roundToHalfStar } from 'src/modules/analytics/star-rating/rounding';

const decimal = (text: string): Fraction => {
  const [whole, part = ''] = text.split('.');
  return Fraction.of(BigInt(whole + part), 10n ** BigInt(part.length));
};

describe('roundToHalfStar', () => {
  it.each([
    ['3.749999', 3.5],
    ['3.75', 4],
    ['4.249999', 4],
    ['4.25', 4.5],
    ['4.749999', 4.5],
    ['4.75', 5],
    ['5.4', 5],
    ['1.25', 1.5],
    ['0.75', 1],
  ])('rounds %s to %s stars (Table 22)', (score, stars) => {
    expect(roundToHalfStar(decimal(score))).toBe(stars);
  });

  it('rounds a sum landing exactly on 3.75 up and one a trillionth below it down', () => {
    expect(roundToHalfStar(decimal('3.45').plus(decimal('0.3')))).toBe(4);
    expect(roundToHalfStar(decimal('3.749999999999'))).toBe(3.5);
  });

  it('rounds a weighted mean such as 45/12 = 3.75 exactly', () => {
    expect(roundToHalfStar(Fraction.of(45, 12))).toBe(4);
    expect(roundToHalfStar(Fraction.of(44, 12))).toBe(3.5);
  });
});

describe('Fraction.roundHalfUpUnits', () => {
  it('rounds to 6 decimals half up', () => {
    expect(decimal('3.7083335').roundHalfUpUnits(6)).toBe(3708334n);
    expect(decimal('3.70833349').roundHalfUpUnits(6)).toBe(3708333n);
    expect(Fraction.of(2, 3).roundHalfUpUnits(6)).toBe(666667n);
    expect(Fraction.of(1, 3).roundHalfUpUnits(6)).toBe(333333n);
  });

  it('floors negative values toward minus infinity', () => {
    expect(Fraction.of(-7, 2).floor()).toBe(-4n);
    expect(Fraction.of(7, 2).floor()).toBe(3n);
    expect(Fraction.of(-6, 2).floor()).toBe(-3n);
  });

  it('rejects a zero denominator', () => {
    expect(() => Fraction.of(1, 0)).toThrow(RangeError);
  });
});

describe('roundHalfUp', () => {
  it('rounds measure scores half up to the displayed precision', () => {
    expect(roundHalfUp(74.5, 0)).toBe(75);
    expect(roundHalfUp(74.49, 0)).toBe(74);
    expect(roundHalfUp(74.4999999, 0)).toBe(74);
  });

  it('is not fooled by binary representations just below a half', () => {
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp((149 / 200) * 100, 0)).toBe(75);
  });
});
