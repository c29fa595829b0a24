import { Random, streamSeed } from 'src/modules/members/synthetic/random';

const draws = (random: Random, count: number): number[] => Array.from({ length: count }, () => random.next());

describe(Random.name, () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(new Random(42), 100)).toEqual(draws(new Random(42), 100));
  });

  it('gives a different sequence for a different seed', () => {
    expect(draws(new Random(42), 10)).not.toEqual(draws(new Random(43), 10));
  });

  it('draws uniforms in [0, 1) with the right mean and spread', () => {
    const values = draws(new Random(7), 100_000);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(values.filter((value) => value < 0.1).length / values.length).toBeCloseTo(0.1, 2);
  });

  it('draws standard normals and Poisson counts with the right moments', () => {
    const random = new Random(11);
    const normals = Array.from({ length: 50_000 }, () => random.normal());
    const mean = normals.reduce((sum, value) => sum + value, 0) / normals.length;
    const variance = normals.reduce((sum, value) => sum + (value - mean) ** 2, 0) / normals.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
    const counts = Array.from({ length: 50_000 }, () => random.poisson(3));
    expect(counts.reduce((sum, value) => sum + value, 0) / counts.length).toBeCloseTo(3, 1);
  });

  it('keeps integers inside their inclusive bounds and picks by weight', () => {
    const random = new Random(5);
    const ints = Array.from({ length: 10_000 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const picks = Array.from({ length: 20_000 }, () => random.pick<string>([['a', 3], ['b', 1]]));
    expect(picks.filter((pick) => pick === 'a').length / picks.length).toBeCloseTo(0.75, 1);
  });
});

describe(streamSeed.name, () => {
  it('separates members and streams', () => {
    const seeds = new Set<number>();
    for (let stream = 1; stream <= 5; stream += 1) {
      for (let index = 0; index < 2000; index += 1) seeds.add(streamSeed(42, stream, index));
    }
    expect(seeds.size).toBe(10_000);
    expect(streamSeed(42, 1, 7)).toBe(streamSeed(42, 1, 7));
  });
});
