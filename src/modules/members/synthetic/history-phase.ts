import { MEASURE_CODES, MeasureCode, measureKey } from 'src/modules/measures/measure-code';
import { MemberRecord, Sex } from 'src/modules/members/member-record';
import { writeBloodPressure, writeHba1c } from 'src/modules/members/synthetic/evidence-clinical';
import { EvidenceContext } from 'src/modules/members/synthetic/evidence-context';
import { writeLipidPanel } from 'src/modules/members/synthetic/evidence-lipids';
import {
  writeColorectalScreening,
  writeKidneyTests,
  writeMammogram,
  writeOsteoporosisCare,
  writeRetinalExam,
} from 'src/modules/members/synthetic/evidence-screening';
import { drawOutcomes, noneFixed } from 'src/modules/members/synthetic/measure-outcomes';
import { OutcomeTables } from 'src/modules/members/synthetic/outcome-phase';
import { Random } from 'src/modules/members/synthetic/random';
import { sigmoid } from 'src/modules/members/synthetic/statistics';

const M = MEASURE_CODES.length;

interface EvidenceWriter {
  write: (context: EvidenceContext) => void;
  /** Members outside the denominator who would still have such care on record. */
  relevant: (record: MemberRecord, age: number) => boolean;
}

const EVIDENCE: Partial<Record<MeasureCode, EvidenceWriter>> = {
  [MeasureCode.Bcs]: { write: writeMammogram, relevant: (r, age) => r.sex === Sex.Female && age >= 40 },
  [MeasureCode.Col]: { write: writeColorectalScreening, relevant: (_, age) => age >= 45 },
  [MeasureCode.Omw]: { write: writeOsteoporosisCare, relevant: (r) => Boolean(r.diagnoses.fracture_date) },
  [MeasureCode.Eed]: { write: writeRetinalExam, relevant: (r) => r.diagnoses.diabetes },
  [MeasureCode.Gsd]: { write: writeHba1c, relevant: (r) => r.diagnoses.diabetes },
  [MeasureCode.Ked]: { write: writeKidneyTests, relevant: (r) => r.diagnoses.diabetes },
  [MeasureCode.Cbp]: { write: writeBloodPressure, relevant: (r) => r.diagnoses.hypertension || r.diagnoses.diabetes },
  // SUPD's writer is the last to draw from the member's care-history stream, so it changes no other evidence.
  [MeasureCode.Supd]: { write: writeLipidPanel, relevant: (r) => hasStatinIndication(r) },
};

function hasStatinIndication({ diagnoses: d }: MemberRecord): boolean {
  return d.diabetes || d.hyperlipidemia || d.ischemic_vascular_disease;
}

/**
 * Writes the care the record shows on the as-of date, consistent with each member's year-end outcome.
 * Members outside a denominator but with the condition get care history too, drawn the same way.
 */
export function writeCareHistory(
  record: MemberRecord,
  index: number,
  age: number,
  tables: OutcomeTables,
  rng: Random,
  asOf: number,
): void {
  MEASURE_CODES.forEach((measure, m) => {
    const writer = EVIDENCE[measure];
    const cell = index * M + m;
    const eligible = tables.eligible[cell] === 1;
    if (!writer || !(eligible || writer.relevant(record, age))) return;
    const closes = eligible
      ? tables.closes[cell] === 1
      : tables.uniforms[cell] < sigmoid(tables.intercepts[m] + tables.scores[cell]);
    writer.write({ rng, record, closes, year: record.measurement_year, asOf });
  });
}

/** Share of denominator members whose status last year is known (OMW is one episode, so rarely). */
const PRIOR_KNOWN = (measure: MeasureCode): number => (measure === MeasureCode.Omw ? 0.15 : 0.85);

/**
 * Last year's results: for members in this year's denominator, known for most, and drawn from the same
 * scores (latent habit included) at a rate equal to this year's target. That shared habit is what makes
 * prior-year compliance the strong predictor it is in real data.
 */
export function drawPriorYear(
  records: MemberRecord[],
  tables: OutcomeTables,
  priorUniforms: Float64Array,
  targets: Readonly<Record<MeasureCode, number>>,
): void {
  MEASURE_CODES.forEach((measure, m) => {
    const members: number[] = [];
    for (let i = 0; i < records.length; i += 1) {
      if (tables.eligible[i * M + m] && priorUniforms[(i * M + m) * 2] < PRIOR_KNOWN(measure)) members.push(i);
    }
    const drawn = drawOutcomes({
      scores: Float64Array.from(members, (i) => tables.scores[i * M + m]),
      uniforms: Float64Array.from(members, (i) => priorUniforms[(i * M + m) * 2 + 1]),
      fixed: noneFixed(members.length),
      target: targets[measure],
    });
    members.forEach((i, k) => (records[i].prior_year_compliance[measureKey(measure)] = drawn.closes[k] === 1));
  });
}
