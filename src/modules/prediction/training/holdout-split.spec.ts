import { holdoutMembers, pick, splitRows } from 'src/modules/prediction/training/holdout-split';

describe(holdoutMembers.name, () => {
  it('holds out exactly the requested share of members', () => {
    const held = holdoutMembers(1000, 0.2, 7);
    expect(held.reduce((sum, flag) => sum + flag, 0)).toBe(200);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    expect(holdoutMembers(500, 0.3, 11)).toEqual(holdoutMembers(500, 0.3, 11));
    expect(holdoutMembers(500, 0.3, 12)).not.toEqual(holdoutMembers(500, 0.3, 11));
  });

  it('spreads the holdout over the whole population, not a block', () => {
    const held = holdoutMembers(10_000, 0.2, 3);
    const firstHalf = held.subarray(0, 5000).reduce((sum, flag) => sum + flag, 0);
    expect(firstHalf).toBeGreaterThan(900);
    expect(firstHalf).toBeLessThan(1100);
  });

  it.each([
    [1, 0.2],
    [100, 0],
    [100, 1],
    [100, Number.NaN],
  ])('refuses %d members with fraction %d', (members, fraction) => {
    expect(() => holdoutMembers(members, fraction, 1)).toThrow(RangeError);
  });
});

describe(splitRows.name, () => {
  it('puts each row on its member’s side, keeping row order', () => {
    const held = Uint8Array.from([0, 1, 0, 1]);
    const split = splitRows([0, 1, 1, 2, 3, 3], held);
    expect(Array.from(split.train)).toEqual([0, 3]);
    expect(Array.from(split.holdout)).toEqual([1, 2, 4, 5]);
  });

  it('picks rows and labels by position', () => {
    const positions = Int32Array.from([2, 0]);
    expect(pick(['a', 'b', 'c'], positions)).toEqual(['c', 'a']);
    expect(pick(Uint8Array.from([5, 6, 7]), positions)).toEqual(Uint8Array.from([7, 5]));
  });
});
