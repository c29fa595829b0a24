/**
 * Exact rational numbers. Star arithmetic is integer weights times integer stars plus 6-decimal
 * constants, so every quantity CMS compares is an exact fraction; floating point would turn a
 * mean of 3.75 into 3.7499999999999996 and drop half a star.
 */
export class Fraction {
  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  static of(numerator: bigint | number, denominator: bigint | number = 1n): Fraction {
    const n = BigInt(numerator);
    const d = BigInt(denominator);
    if (d === 0n) throw new RangeError('Fraction denominator is zero');
    return d < 0n ? new Fraction(-n, -d) : new Fraction(n, d);
  }

  /** A value held as integer millionths (see StarMethod). */
  static fromMillionths(millionths: number): Fraction {
    return Fraction.of(millionths, 1_000_000);
  }

  plus(other: Fraction): Fraction {
    return Fraction.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  compare(other: Fraction): number {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /** The largest integer not above this value. */
  floor(): bigint {
    const quotient = this.numerator / this.denominator;
    return this.numerator % this.denominator !== 0n && this.numerator < 0n ? quotient - 1n : quotient;
  }

  /** This value rounded half up to `decimals` places, as an integer count of 10^-decimals units. */
  roundHalfUpUnits(decimals: number): bigint {
    const scale = 10n ** BigInt(decimals);
    return Fraction.of(this.numerator * scale * 2n + this.denominator, this.denominator * 2n).floor();
  }

  toNumber(): number {
    return Number(this.numerator) / Number(this.denominator);
  }
}
