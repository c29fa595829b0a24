import { abs, min, round } from 'src/modules/members/math';
import { dayBetween, dec31, EvidenceContext, iso, jan1 } from 'src/modules/members/synthetic/evidence-context';
import { Random } from 'src/modules/members/synthetic/random';
import { clamp } from 'src/modules/members/synthetic/statistics';

const oneDecimal = (value: number): number => round(value * 10) / 10;
const controlledHba1c = (rng: Random): number => oneDecimal(clamp(5.6 + abs(rng.normal()) * 1.1, 5, 9));
const poorHba1c = (rng: Random): number => oneDecimal(min(15, 9.1 + rng.exponential(1.2)));

/**
 * GSD: the snapshot shows the latest HbA1c so far. Closers mostly already read at or under 9%;
 * non-closers are either never tested this year or end above 9%, and mostly read high already.
 */
export function writeHba1c(context: EvidenceContext): void {
  const { rng, year, closes, asOf } = context;
  const history = context.record.service_history;
  const testedSoFar = closes ? rng.chance(0.8) : !rng.chance(0.45) && rng.chance(0.65);
  if (testedSoFar) {
    history.last_hba1c_date = iso(dayBetween(rng, jan1(year), asOf));
    history.last_hba1c_value = rng.chance(closes ? 0.9 : 0.25) ? controlledHba1c(rng) : poorHba1c(rng);
  } else if (rng.chance(0.6)) {
    history.last_hba1c_date = iso(dayBetween(rng, jan1(year - 1), dec31(year - 1)));
    history.last_hba1c_value = rng.chance(0.8) ? controlledHba1c(rng) : poorHba1c(rng);
  }
}

/** CBP: as GSD, with readings below 140/90 counting as controlled. */
export function writeBloodPressure(context: EvidenceContext): void {
  const { rng, year, closes, asOf } = context;
  const history = context.record.service_history;
  const readSoFar = closes ? rng.chance(0.85) : !rng.chance(0.2) && rng.chance(0.8);
  const day = readSoFar
    ? dayBetween(rng, jan1(year), asOf)
    : rng.chance(0.7)
      ? dayBetween(rng, jan1(year - 1), dec31(year - 1))
      : null;
  if (day === null) return;
  const controlled = rng.chance(readSoFar ? (closes ? 0.85 : 0.3) : 0.6);
  history.last_bp_date = iso(day);
  history.last_bp_systolic = controlled ? rng.int(105, 139) : rng.int(140, 172);
  history.last_bp_diastolic = controlled ? rng.int(60, 89) : rng.int(70, 96);
}
