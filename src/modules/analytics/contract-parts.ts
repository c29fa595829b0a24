import { RatedAs } from 'src/modules/analytics/rated-as';
import { snpOnlyMeasures } from 'src/modules/analytics/contract-rules';
import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { ContractStarInput, MeasureOutcome } from 'src/modules/analytics/star-rating/star-rating.types';

export interface CaiCategories {
  partC?: number;
  partD?: number;
  overall?: number;
}

/** A contract as the API describes it, checked (see contract-problems.ts) but not yet rated. */
export interface ContractParts {
  contractId: string | null;
  ratedAs: RatedAs;
  snp: boolean;
  puertoRicoOnly: boolean;
  /** By CMS measure id. */
  measureStars: Readonly<Record<string, MeasureOutcome>>;
  cai: CaiCategories;
  /** By calendar year as a string ("2024"), 0-100. */
  disasterPercent: Readonly<Record<string, number>>;
}

/**
 * The engine's input: the contract's own measure outcomes, `extra` ones (stars from scores or
 * stored rates) on top, and SNP-only measures marked not required for a contract without SNPs.
 */
export function toContractStarInput(
  method: StarMethod,
  parts: ContractParts,
  extra: Readonly<Record<string, MeasureOutcome>> = {},
): ContractStarInput {
  const notRequired = parts.snp ? [] : snpOnlyMeasures(method.starYear);
  return {
    contractId: parts.contractId ?? 'contract',
    contractType: parts.ratedAs,
    puertoRicoOnly: parts.puertoRicoOnly,
    measures: {
      ...Object.fromEntries(notRequired.map((id) => [id, 'not_required' as const])),
      ...parts.measureStars,
      ...extra,
    },
    disasterPercentByYear: Object.fromEntries(
      Object.entries(parts.disasterPercent).map(([year, percent]) => [Number(year), percent]),
    ),
    finalAdjustmentCategory: { ...parts.cai },
  };
}

/** Measure ids a contract of this kind is rated on. */
export function measuresRatedFor(method: StarMethod, ratedAs: RatedAs): readonly string[] {
  if (ratedAs === RatedAs.MaOnly) return method.partCMeasures;
  if (ratedAs === RatedAs.Pdp) return method.partDMeasures;
  return [...method.partCMeasures, ...method.partDMeasures];
}
