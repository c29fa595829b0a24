import { min } from 'src/modules/members/math';
import { optionalDay } from 'src/modules/members/member-dates';
import {
  dayBetween,
  dec31,
  EvidenceContext,
  iso,
  jan1,
  visible,
} from 'src/modules/members/synthetic/evidence-context';
import { dayNumber } from 'src/modules/members/member-dates';

/** BCS: a closing member is screened in the 27-month window; over half were screened last year (biennial). */
export function writeMammogram(context: EvidenceContext): void {
  const { rng, year, closes } = context;
  const history = context.record.service_history;
  const windowStart = dayNumber(year - 2, 10, 1);
  const older = (): string => iso(dayBetween(rng, jan1(year - 7), windowStart - 1));
  if (closes) {
    const day = rng.chance(0.55)
      ? dayBetween(rng, windowStart, dec31(year - 1))
      : dayBetween(rng, jan1(year), dec31(year));
    history.last_mammogram_date = visible(context, day) ?? (rng.chance(0.6) ? older() : undefined);
  } else {
    history.last_mammogram_date = rng.chance(0.5) ? older() : undefined;
  }
}

/** COL: the closing test is a colonoscopy, FIT, FIT-DNA, CT colonography or sigmoidoscopy in its look-back. */
export function writeColorectalScreening(context: EvidenceContext): void {
  const { rng, year, closes } = context;
  const history = context.record.service_history;
  if (!closes) {
    const kind = rng.pick<string>([['none', 0.5], ['old_colonoscopy', 0.3], ['old_fit', 0.2]]);
    if (kind === 'old_colonoscopy') {
      history.last_colonoscopy_date = iso(dayBetween(rng, jan1(year - 20), dec31(year - 10)));
    }
    if (kind === 'old_fit') history.last_fit_date = iso(dayBetween(rng, jan1(year - 3), dec31(year - 1)));
    return;
  }
  const kind = rng.pick<string>([
    ['colonoscopy', 0.62],
    ['fit', 0.22],
    ['fit_dna', 0.1],
    ['ct', 0.03],
    ['sigmoidoscopy', 0.03],
  ]);
  const lookBackYears: Record<string, number> = { colonoscopy: 9, fit: 0, fit_dna: 2, ct: 4, sigmoidoscopy: 4 };
  const shown = visible(context, dayBetween(rng, jan1(year - lookBackYears[kind]), dec31(year)));
  if (shown === null) {
    // Still to come: an annual FIT user whose test last year no longer counts.
    if (rng.chance(0.5)) history.last_fit_date = iso(dayBetween(rng, jan1(year - 1), dec31(year - 1)));
    return;
  }
  if (kind === 'colonoscopy') history.last_colonoscopy_date = shown;
  if (kind === 'fit') history.last_fit_date = shown;
  if (kind === 'fit_dna') history.last_fit_dna_date = shown;
  if (kind === 'ct') history.last_ct_colonography_date = shown;
  if (kind === 'sigmoidoscopy') history.last_sigmoidoscopy_date = shown;
}

/** EED: an exam this year, or (a quarter of closers) a negative exam last year. */
export function writeRetinalExam(context: EvidenceContext): void {
  const { rng, year, closes } = context;
  const history = context.record.service_history;
  const lastYear = (): string => iso(dayBetween(rng, jan1(year - 1), dec31(year - 1)));
  const older = (): string => iso(dayBetween(rng, jan1(year - 4), dec31(year - 2)));
  if (closes && rng.chance(0.25)) {
    history.last_retinal_exam_date = lastYear();
    history.last_retinal_exam_negative = true;
    return;
  }
  const thisYear = closes ? visible(context, dayBetween(rng, jan1(year), dec31(year))) : null;
  if (thisYear) {
    history.last_retinal_exam_date = thisYear;
    history.last_retinal_exam_negative = rng.chance(0.7);
    return;
  }
  const kind = rng.pick<string>([['last_year', 0.4], ['older', 0.35], ['none', 0.25]]);
  if (kind === 'none') return;
  history.last_retinal_exam_date = kind === 'last_year' ? lastYear() : older();
  history.last_retinal_exam_negative = kind === 'last_year' ? false : rng.chance(0.6);
}

/** KED: closers get both an eGFR and a uACR this year; most non-closers get the eGFR but not the uACR. */
export function writeKidneyTests(context: EvidenceContext): void {
  const { rng, year, closes } = context;
  const history = context.record.service_history;
  const lastYear = (): string => iso(dayBetween(rng, jan1(year - 1), dec31(year - 1)));
  const thisYearOrEarlier = (chanceBefore: number): string | undefined =>
    visible(context, dayBetween(rng, jan1(year), dec31(year))) ?? (rng.chance(chanceBefore) ? lastYear() : undefined);
  const egfrThisYear = closes || rng.chance(0.8);
  history.last_egfr_date = egfrThisYear ? thisYearOrEarlier(0.6) : rng.chance(0.5) ? lastYear() : undefined;
  history.last_uacr_date = closes ? thisYearOrEarlier(0.4) : rng.chance(0.3) ? lastYear() : undefined;
}

/** OMW: a closer is treated (BMD test, or a drug if in Part D) within 180 days of the fracture. */
export function writeOsteoporosisCare(context: EvidenceContext): void {
  const { rng, year, closes, record } = context;
  const fracture = optionalDay(record.diagnoses.fracture_date);
  if (fracture === null) return;
  if (closes) {
    const treated = visible(context, min(dec31(year), fracture + rng.int(0, 180)));
    if (treated === null) return;
    if (rng.chance(0.55) || !record.enrollment.part_d) record.service_history.last_bone_density_date = treated;
    else record.pharmacy.last_osteoporosis_drug_date = treated;
  } else if (rng.chance(0.25)) {
    record.service_history.last_bone_density_date = iso(dayBetween(rng, fracture - 1500, fracture - 30));
  }
}
