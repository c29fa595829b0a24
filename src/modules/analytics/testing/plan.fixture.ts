import { ContractParts } from 'src/modules/analytics/contract-parts';
import { MeasureState, measureStates, RateBasis } from 'src/modules/analytics/plan-state';
import { RatedAs } from 'src/modules/analytics/rated-as';
import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { emptyMeasureStats } from 'src/modules/measures/measure-stats';

/** Measures an MA-PD contract without SNPs is rated on besides the 12 predicted ones. */
const OTHER_MA_PD_MEASURES = [
  'C03', 'C04', 'C05', 'C06', 'C15', 'C16', 'C17', 'C18', 'C20', 'C21', 'C22', 'C23', 'C24', 'C25', 'C26',
  'C27', 'C28', 'C29', 'C30', 'C31', 'C32', 'C33', 'D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D11',
];

/** An MA-PD plan for unit tests: `otherStars` on every other measure, CAI left out. */
export function testParts(otherStars = 4, overrides: Partial<ContractParts> = {}): ContractParts {
  return {
    contractId: 'H1234',
    ratedAs: RatedAs.MaPd,
    snp: false,
    puertoRicoOnly: false,
    measureStars: Object.fromEntries(OTHER_MA_PD_MEASURES.map((id) => [id, otherStars])),
    cai: {},
    disasterPercent: {},
    ...overrides,
  };
}

/** The 12 measures with `compliant` of `eligible` members each (per code, or the same for all). */
export function testStates(
  counts: Partial<Record<MeasureCode, [compliant: number, eligible: number]>>,
  ratedAs = RatedAs.MaPd,
): MeasureState[] {
  const catalogue = loadMeasureCatalogue(2026).measures;
  const stats = catalogue.map((measure) => {
    const [compliant, eligible] = counts[measure.code] ?? [0, 0];
    return { ...emptyMeasureStats(measure.code), eligibleMembers: eligible, compliantMembers: compliant, expectedCompliantMembers: compliant };
  });
  return measureStates(catalogue, stats, RateBasis.Current, ratedAs);
}
