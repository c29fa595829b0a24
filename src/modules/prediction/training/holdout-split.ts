import { SeededRandom } from 'src/modules/prediction/model/prng';

/** Row positions of a dataset on each side of the split, in ascending order. */
export interface RowSplit {
  readonly train: Int32Array;
  readonly holdout: Int32Array;
}

/**
 * Exactly round(fraction × members) members, chosen by a seeded partial Fisher–Yates shuffle, are
 * held out. The split is by member, not by row, so a member held out of one measure is held out of all.
 */
export function holdoutMembers(memberCount: number, fraction: number, seed: number): Uint8Array {
  if (!Number.isInteger(memberCount) || memberCount < 2) throw new RangeError('A split needs at least 2 members.');
  if (!(fraction > 0 && fraction < 1)) throw new RangeError('The holdout fraction must be between 0 and 1.');
  const holdoutCount = Math.min(memberCount - 1, Math.max(1, Math.round(fraction * memberCount)));
  const order = Int32Array.from({ length: memberCount }, (_, i) => i);
  const random = new SeededRandom(seed);
  const held = new Uint8Array(memberCount);
  for (let k = 0; k < holdoutCount; k++) {
    const pick = k + random.nextInt(memberCount - k);
    const chosen = order[pick];
    order[pick] = order[k];
    order[k] = chosen;
    held[chosen] = 1;
  }
  return held;
}

/** Splits a dataset's rows by whether their member is held out. */
export function splitRows(memberIndex: ArrayLike<number>, heldOut: Uint8Array): RowSplit {
  const train: number[] = [];
  const holdout: number[] = [];
  for (let row = 0; row < memberIndex.length; row++) (heldOut[memberIndex[row]] === 1 ? holdout : train).push(row);
  return { train: Int32Array.from(train), holdout: Int32Array.from(holdout) };
}

export function pick<T>(items: readonly T[], positions: Int32Array): T[];
export function pick(items: Uint8Array, positions: Int32Array): Uint8Array;
export function pick<T>(items: readonly T[] | Uint8Array, positions: Int32Array): T[] | Uint8Array {
  if (items instanceof Uint8Array) return Uint8Array.from(positions, (position) => items[position]);
  return Array.from(positions, (position) => items[position]);
}
