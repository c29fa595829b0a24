import { FieldError } from 'src/common/errors/domain-error';
import { RatedAs } from 'src/modules/analytics/rated-as';
import { NOT_RATED_REASONS, snpOnlyMeasures } from 'src/modules/analytics/contract-rules';
import { measuresRatedFor } from 'src/modules/analytics/contract-parts';
import { RatingKind, StarMethod } from 'src/modules/analytics/star-rating/star-method.types';

export interface CaiFields {
  part_c?: number;
  part_d?: number;
  overall?: number;
}

const STARS_RULE = `must be whole stars from 1 to 5 or one of: ${NOT_RATED_REASONS.join(', ')}`;

/**
 * Problems with a contract's measure stars, each naming the measure in its field path. `reserved`
 * maps measure ids the caller may not set here to the reason why. Messages never quote values.
 */
export function measureStarsProblems(
  method: StarMethod,
  ratedAs: RatedAs,
  snp: boolean,
  stars: Readonly<Record<string, unknown>>,
  reserved: ReadonlyMap<string, string> = new Map(),
): FieldError[] {
  const rated = new Set(measuresRatedFor(method, ratedAs));
  const snpOnly = new Set(snpOnlyMeasures(method.starYear));
  const ids = Object.keys(stars);
  // An unknown key is named by neither field nor message: it is request text, not our vocabulary.
  const unknownKeys: FieldError[] = ids.some((id) => !method.weights.has(id))
    ? [{ field: 'measure_stars', message: `keys must be ${method.starYear} Star Ratings measure ids (C01-C33, D01-D12)` }]
    : [];
  const known = Object.entries(stars).filter(([id]) => method.weights.has(id));
  return [...unknownKeys, ...known.flatMap(([id, value]): FieldError[] => {
    const field = `measure_stars.${id}`;
    if (reserved.has(id)) return [{ field, message: reserved.get(id)! }];
    const isStars = typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
    if (!isStars && !(NOT_RATED_REASONS as readonly unknown[]).includes(value)) return [{ field, message: STARS_RULE }];
    // CMS's tables list every measure for every contract; a reason on another Part is harmless, a star is not.
    if (isStars && !rated.has(id)) return [{ field, message: `is not rated for a contract rated as ${ratedAs}` }];
    if (isStars && snpOnly.has(id) && !snp) {
      return [{ field, message: 'only contracts with SNPs report this measure; set snp to true' }];
    }
    return [];
  })];
}

/** CAI final adjustment categories: only for the ratings the contract has, and only categories that exist. */
export function caiProblems(method: StarMethod, ratedAs: RatedAs, cai: CaiFields | undefined): FieldError[] {
  const kinds: Record<keyof CaiFields, RatingKind | null> = {
    part_c: ratedAs === RatedAs.Pdp ? null : 'part_c',
    part_d: ratedAs === RatedAs.MaOnly ? null : ratedAs === RatedAs.Pdp ? 'part_d_pdp' : 'part_d_ma_pd',
    overall: ratedAs === RatedAs.MaPd ? 'overall' : null,
  };
  return (Object.keys(kinds) as Array<keyof CaiFields>).flatMap((rating): FieldError[] => {
    const category = cai?.[rating];
    if (category === undefined || category === null) return [];
    const field = `cai.${rating}`;
    const kind = kinds[rating];
    if (kind === null) return [{ field, message: `a contract rated as ${ratedAs} has no ${rating} rating` }];
    const categories = [...method.caiByCategory[kind].keys()];
    return categories.includes(category)
      ? []
      : [{ field, message: `must be a ${kind} final adjustment category from ${Math.min(...categories)} to ${Math.max(...categories)}` }];
  });
}

/** Disaster shares: calendar years as keys, percentages 0-100 as values. */
export function disasterProblems(disaster: Readonly<Record<string, unknown>> | undefined): FieldError[] {
  return Object.entries(disaster ?? {}).flatMap(([year, value]): FieldError[] => {
    const field = `disaster_percent.${year}`;
    if (!/^\d{4}$/.test(year)) return [{ field: 'disaster_percent', message: 'keys must be four-digit calendar years' }];
    const valid = typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
    return valid ? [] : [{ field, message: 'must be a percentage from 0 to 100' }];
  });
}
