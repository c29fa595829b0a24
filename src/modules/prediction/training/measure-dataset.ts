import { MeasureCode, measureKey } from 'src/modules/measures/measure-code';
import { buildFeatures, FEATURE_LIST_VERSION, FEATURE_NAMES } from 'src/modules/members/features';
import { SyntheticMember } from 'src/modules/members/synthetic/synthetic-member';

/** Label 1: the gap is still open on 31 December. The models predict the probability of that. */
export const GAP_OPEN = 1;
export const GAP_CLOSED = 0;

/** One measure's training rows: every member in its denominator, in population order. */
export interface MeasureDataset {
  readonly measure: MeasureCode;
  readonly featureListVersion: string;
  readonly featureNames: readonly string[];
  readonly rows: Float64Array[];
  readonly labels: Uint8Array;
  /** Position in the population of each row's member, for a member-level split. */
  readonly memberIndex: Int32Array;
}

/**
 * The population marks a member eligible for a measure by giving it a year-end result: `true` when
 * the gap was closed. Members without one are outside the denominator and contribute no row.
 */
export function buildMeasureDataset(members: readonly SyntheticMember[], measure: MeasureCode): MeasureDataset {
  const key = measureKey(measure);
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const memberIndex: number[] = [];
  members.forEach((line, index) => {
    const closed = line.year_end_compliance[key];
    if (closed === undefined) return;
    const vector = buildFeatures(line.member, measure);
    if (vector.version !== FEATURE_LIST_VERSION || vector.values.length !== FEATURE_NAMES[measure].length) {
      throw new RangeError(`The feature builder returned an unexpected vector for ${measure}.`);
    }
    rows.push(Float64Array.from(vector.values));
    labels.push(closed ? GAP_CLOSED : GAP_OPEN);
    memberIndex.push(index);
  });
  return {
    measure,
    featureListVersion: FEATURE_LIST_VERSION,
    featureNames: FEATURE_NAMES[measure],
    rows,
    labels: Uint8Array.from(labels),
    memberIndex: Int32Array.from(memberIndex),
  };
}
