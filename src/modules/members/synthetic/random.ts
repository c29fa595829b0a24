import { cos, exp, floor, imul, log, PI, sin, sqrt } from 'src/modules/members/math';

/**
 * A small seeded generator (xoshiro128**, seeded through splitmix32) so a population is reproducible
 * from its seed on any machine and Node version. Math.random is never used.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix32 = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = imul(z ^ (z >>> 16), 0x85ebca6b);
      z = imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix32();
    this.b = splitmix32();
    this.c = splitmix32();
    this.d = splitmix32() | 1;
  }

  /** Uniform in [0, 1). */
  next(): number {
    const result = imul(rotl(imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result / 4_294_967_296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  /** Standard normal (Box-Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    const radius = sqrt(-2 * log(1 - this.next()));
    const angle = 2 * PI * this.next();
    this.spareNormal = radius * sin(angle);
    return radius * cos(angle);
  }

  exponential(mean: number): number {
    return -log(1 - this.next()) * mean;
  }

  /** Poisson by inversion; fine for the small means used here. */
  poisson(mean: number): number {
    const limit = exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit && count < 1000) {
      count += 1;
      product *= this.next();
    }
    return count;
  }

  /** One of the options, with probability proportional to its weight. */
  pick<T>(options: ReadonlyArray<readonly [T, number]>): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [value, weight] of options) {
      point -= weight;
      if (point < 0) return value;
    }
    return options[options.length - 1][0];
  }
}

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/**
 * A seed for one member's draws in one named stream, so each member's values depend only on the run
 * seed and the member's index, not on how many draws other members or other streams made.
 */
export function streamSeed(seed: number, stream: number, index: number): number {
  let h = imul((seed >>> 0) ^ 0x27d4eb2f, 0x165667b1);
  h = imul(h ^ (stream + 0x9e3779b9), 0x85ebca6b);
  h = imul(h ^ (h >>> 15) ^ index, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
