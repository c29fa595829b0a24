import { MEASURE_CODES, MeasureCode, measureKey } from 'src/modules/measures/measure-code';
import { chronicConditionCount } from 'src/modules/members/features/common-features';
import { ageAtYearEnd } from 'src/modules/members/member-dates';
import { DiagnosesRecord, Sex } from 'src/modules/members/member-record';
import { numeratorMetToDate } from 'src/modules/members/numerator-status';
import { Population } from 'src/modules/members/synthetic/generate-population';
import { NamedCondition } from 'src/modules/members/synthetic/population-shape';

export interface MeasureSummary {
  measure: MeasureCode;
  eligible: number;
  /** Year-end rate among eligible members, 0-1. */
  rate: number;
  target: number;
  /** Share of eligible members already compliant on the record at the as-of date. */
  metToDate: number;
}

export interface PopulationSummary {
  members: number;
  shares: Record<'female' | 'under65' | 'lisDual' | 'disabled', number>;
  prevalence: Record<NamedCondition, number>;
  multimorbidity: { twoOrMore: number; fourOrMore: number };
  measures: MeasureSummary[];
}

const DIAGNOSIS_OF: Record<keyof PopulationSummary['prevalence'], (d: DiagnosesRecord) => boolean> = {
  hypertension: (d) => d.hypertension,
  hyperlipidemia: (d) => d.hyperlipidemia,
  ischemicHeartDisease: (d) => d.ischemic_vascular_disease,
  diabetes: (d) => d.diabetes,
  chronicKidneyDisease: (d) => d.ckd_stage > 0,
  heartFailure: (d) => d.heart_failure,
  depression: (d) => d.depression,
};

/** Realised shares, prevalences and measure rates, to compare with the targets the population was shaped to. */
export function summarizePopulation(population: Population): PopulationSummary {
  const records = population.members.map((line) => line.member);
  const n = records.length;
  const share = (test: (index: number) => boolean): number => records.filter((_, i) => test(i)).length / n;
  const counts = records.map((record) => chronicConditionCount(record.diagnoses));
  const prevalence = Object.fromEntries(
    Object.entries(DIAGNOSIS_OF).map(([name, has]) => [name, share((i) => has(records[i].diagnoses))]),
  ) as PopulationSummary['prevalence'];
  return {
    members: n,
    shares: {
      female: share((i) => records[i].sex === Sex.Female),
      under65: share((i) => ageAtYearEnd(records[i].birth_date, records[i].measurement_year) < 65),
      lisDual: share((i) => records[i].enrollment.lis_dual_eligible),
      disabled: share((i) => records[i].enrollment.disabled),
    },
    prevalence,
    multimorbidity: { twoOrMore: share((i) => counts[i] >= 2), fourOrMore: share((i) => counts[i] >= 4) },
    measures: summarizeMeasures(population),
  };
}

function summarizeMeasures(population: Population): MeasureSummary[] {
  const tally = MEASURE_CODES.map(() => ({ eligible: 0, closed: 0, met: 0 }));
  for (const line of population.members) {
    const metToDate = numeratorMetToDate(line.member);
    MEASURE_CODES.forEach((measure, m) => {
      const label = line.year_end_compliance[measureKey(measure)];
      if (label === undefined) return;
      tally[m].eligible += 1;
      tally[m].closed += label ? 1 : 0;
      tally[m].met += metToDate[measure] ? 1 : 0;
    });
  }
  return MEASURE_CODES.map((measure, m) => {
    const { eligible, closed, met } = tally[m];
    const rate = (count: number): number => (eligible === 0 ? 0 : count / eligible);
    return { measure, eligible, rate: rate(closed), target: population.targets[measure], metToDate: rate(met) };
  });
}

/** A plain-text table for the CLI's standard error. */
export function formatSummary(summary: PopulationSummary): string {
  const pct = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);
  const lines = [
    `members ${summary.members}; female ${pct(summary.shares.female)}; under 65 ${pct(summary.shares.under65)}; ` +
      `LIS/dual ${pct(summary.shares.lisDual)}; disabled ${pct(summary.shares.disabled)}`,
    `prevalence: ${Object.entries(summary.prevalence).map(([name, value]) => `${name} ${pct(value).trim()}`).join(', ')}`,
    `chronic conditions: 2+ ${pct(summary.multimorbidity.twoOrMore).trim()}, 4+ ${pct(summary.multimorbidity.fourOrMore).trim()}`,
    'measure    eligible   met-to-date   year-end   target',
    ...summary.measures.map(
      (m) => `${m.measure.padEnd(9)} ${String(m.eligible).padStart(9)}   ${pct(m.metToDate)}      ${pct(m.rate)}  ${pct(m.target)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
