import { byMeasure, MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { CBP_FEATURES, GSD_FEATURES, KED_FEATURES } from 'src/modules/members/features/clinical-features';
import { COMMON_FEATURES } from 'src/modules/members/features/common-features';
import { FeatureContext, featureContext, FeatureDefinition } from 'src/modules/members/features/feature-context';
import { pdcFeatures, SPC_FEATURES, SUPD_FEATURES } from 'src/modules/members/features/pharmacy-features';
import {
  BCS_FEATURES,
  COL_FEATURES,
  EED_FEATURES,
  OMW_FEATURES,
} from 'src/modules/members/features/screening-features';
import { MemberRecord } from 'src/modules/members/member-record';

/**
 * Bump on any change to a feature's name, order, meaning or missing-value rule: models trained on one
 * version must not be fed vectors of another.
 */
export const FEATURE_LIST_VERSION = 'features-2026.2';

const SPECIFIC: Record<MeasureCode, readonly FeatureDefinition[]> = {
  [MeasureCode.Bcs]: BCS_FEATURES,
  [MeasureCode.Col]: COL_FEATURES,
  [MeasureCode.Omw]: OMW_FEATURES,
  [MeasureCode.Eed]: EED_FEATURES,
  [MeasureCode.Gsd]: GSD_FEATURES,
  [MeasureCode.Ked]: KED_FEATURES,
  [MeasureCode.Cbp]: CBP_FEATURES,
  [MeasureCode.Spc]: SPC_FEATURES,
  [MeasureCode.PdcDr]: pdcFeatures('diabetes'),
  [MeasureCode.PdcRasa]: pdcFeatures('rasa'),
  [MeasureCode.PdcSta]: pdcFeatures('statin'),
  [MeasureCode.Supd]: SUPD_FEATURES,
};

/** Per measure, the common risk drivers then the measure's own features, in vector order. */
export const FEATURE_DEFINITIONS: Readonly<Record<MeasureCode, readonly FeatureDefinition[]>> = byMeasure(
  (measure) => [...COMMON_FEATURES, ...SPECIFIC[measure]],
);

/** Per measure, the ordered feature names: column i of a training matrix is FEATURE_NAMES[measure][i]. */
export const FEATURE_NAMES: Readonly<Record<MeasureCode, readonly string[]>> = byMeasure((measure) =>
  FEATURE_DEFINITIONS[measure].map((feature) => feature.name),
);

export interface FeatureVector {
  measure: MeasureCode;
  version: string;
  names: readonly string[];
  /** Same length and order as `names`; every entry a finite number. */
  values: number[];
}

/** One measure's feature vector. Computes nothing from `member_id`; the record has none. */
export function buildFeatures(member: MemberRecord, measure: MeasureCode): FeatureVector {
  return vectorFor(featureContext(member), measure);
}

/** Vectors for several measures (all 12 by default), sharing one pass over the record. */
export function buildFeatureVectors(
  member: MemberRecord,
  measures: readonly MeasureCode[] = MEASURE_CODES,
): FeatureVector[] {
  const context = featureContext(member);
  return measures.map((measure) => vectorFor(context, measure));
}

/** `{ name: value }`, e.g. for storing beside a prediction. */
export function namedFeatures(vector: FeatureVector): Record<string, number> {
  return Object.fromEntries(vector.names.map((name, index) => [name, vector.values[index]]));
}

function vectorFor(context: FeatureContext, measure: MeasureCode): FeatureVector {
  const definitions = FEATURE_DEFINITIONS[measure];
  const values = definitions.map((feature) => {
    const value = feature.value(context, measure);
    return Number.isFinite(value) ? value : 0;
  });
  return { measure, version: FEATURE_LIST_VERSION, names: FEATURE_NAMES[measure], values };
}
