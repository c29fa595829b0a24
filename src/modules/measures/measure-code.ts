/** The 12 Star Ratings measures this service closes member by member, in catalogue order. */
export enum MeasureCode {
  Bcs = 'BCS',
  Col = 'COL',
  Omw = 'OMW',
  Eed = 'EED',
  Gsd = 'GSD',
  Ked = 'KED',
  Cbp = 'CBP',
  Spc = 'SPC',
  PdcDr = 'PDC-DR',
  PdcRasa = 'PDC-RASA',
  PdcSta = 'PDC-STA',
  Supd = 'SUPD',
}

export const MEASURE_CODES: readonly MeasureCode[] = Object.values(MeasureCode);

/**
 * The snake_case field name a measure takes inside wire objects keyed by measure
 * (`prior_year_compliance.pdc_dr`), since codes such as `PDC-DR` are not valid field names.
 */
export type MeasureKey =
  | 'bcs'
  | 'col'
  | 'omw'
  | 'eed'
  | 'gsd'
  | 'ked'
  | 'cbp'
  | 'spc'
  | 'pdc_dr'
  | 'pdc_rasa'
  | 'pdc_sta'
  | 'supd';

export function measureKey(code: MeasureCode): MeasureKey {
  return code.toLowerCase().replace('-', '_') as MeasureKey;
}

export function isMeasureCode(value: string): value is MeasureCode {
  return (MEASURE_CODES as readonly string[]).includes(value);
}

/** Per-measure flags on the wire (`{ "bcs": true, "pdc_dr": false }`); absent means unknown or not applicable. */
export type MeasureFlags = Partial<Record<MeasureKey, boolean>>;

/** A value for every measure, built in catalogue order. */
export function byMeasure<T>(value: (code: MeasureCode) => T): Record<MeasureCode, T> {
  const result = {} as Record<MeasureCode, T>;
  for (const code of MEASURE_CODES) result[code] = value(code);
  return result;
}
