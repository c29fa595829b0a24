import { exp, round } from 'src/modules/members/math';
import { dayBetween, dec31, EvidenceContext, iso, jan1 } from 'src/modules/members/synthetic/evidence-context';
import { Random } from 'src/modules/members/synthetic/random';
import { clamp } from 'src/modules/members/synthetic/statistics';

export interface LipidPanel {
  day: number;
  /** LDL cholesterol, mg/dL. */
  ldl: number;
}

/**
 * The reading prescribers act on: ADA's former LDL goal for people with diabetes and no cardiovascular
 * disease (< 100 mg/dL). Current guidance (ADA Standards of Care; 2018 ACC/AHA cholesterol guideline)
 * recommends a statin at 40-75 whatever the LDL, but a high reading is still what usually prompts one.
 */
export const LDL_ACTION_THRESHOLD = 100;
/** Days after a panel within which a prescription it prompted is normally filled. */
export const PROMPT_WINDOW_DAYS = 45;

const START_CHANCE = { noPanelThisYear: 0.55, promptedByPanel: 0.88, notPrompted: 0.4 } as const;

/**
 * Chance (assumed sizes) that a member with no statin on record fills one by year end, given their latest
 * lipid panel. A high reading in the last six weeks usually brings a prescription, and most are filled:
 * 15-28% of new statin or lipid-lowering prescriptions never are (Cheetham et al., J Manag Care Pharm
 * 2013; Fischer et al., J Gen Intern Med 2010). An older high reading with still no fill means the
 * prescriber did not act (therapeutic inertia: 66% of patients with type 2 diabetes above their LDL goal
 * in Man et al., Hong Kong Med J 2016) or the member did not fill; after it, or after a reading under the
 * threshold, a start is less likely than with no panel this year.
 */
export function statinStartChance(panel: LipidPanel | null, year: number, asOf: number): number {
  if (panel === null || panel.day < jan1(year)) return START_CHANCE.noPanelThisYear;
  const prompted = panel.ldl >= LDL_ACTION_THRESHOLD && asOf - panel.day <= PROMPT_WINDOW_DAYS;
  return prompted ? START_CHANCE.promptedByPanel : START_CHANCE.notPrompted;
}

/**
 * Testing whatever the outcome: a panel in the first half of the year for about half the members (annual
 * lipid testing is the usual advice in diabetes), otherwise often one last year. Untreated LDL is
 * log-normal around 112 mg/dL, two thirds at or above 100 (NHANES 2005-2010 found 77% of adults with
 * diagnosed diabetes above their LDL goal: Brown et al., Diabetes Care 2013); on a statin, around 85.
 */
function routinePanel(rng: Random, year: number, asOf: number, onStatin: boolean): LipidPanel | null {
  const thisYear = rng.chance(onStatin ? 0.65 : 0.55);
  const day = thisYear
    ? dayBetween(rng, jan1(year), asOf)
    : rng.chance(0.6)
      ? dayBetween(rng, jan1(year - 1), dec31(year - 1))
      : null;
  if (day === null) return null;
  return { day, ldl: round(clamp((onStatin ? 85 : 112) * exp(0.28 * rng.normal()), 30, 400)) };
}

/**
 * SUPD: the latest lipid panel of a member with a statin indication. Without a statin on record, the panel
 * is drawn given whether one is filled by year end (decided before this runs), by Bayes' rule: routine
 * panels are drawn until one is kept, with probability proportional to the chance of that outcome after it.
 * Members who will start then show more recent high readings; members who will not show more high
 * readings that went without a prescription.
 */
export function writeLipidPanel(context: EvidenceContext): void {
  const { rng, record, year, asOf, closes } = context;
  const onStatin = (record.pharmacy.statin?.fills ?? 0) > 0;
  const keep = (drawn: LipidPanel | null): number => {
    const chance = statinStartChance(drawn, year, asOf);
    return closes ? chance / START_CHANCE.promptedByPanel : (1 - chance) / (1 - START_CHANCE.notPrompted);
  };
  let panel = routinePanel(rng, year, asOf, onStatin);
  while (!onStatin && !rng.chance(keep(panel))) panel = routinePanel(rng, year, asOf, false);
  if (panel === null) return;
  record.service_history.last_ldl_value = panel.ldl;
  record.service_history.last_ldl_date = iso(panel.day);
}
