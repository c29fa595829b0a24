import { ContractType } from 'src/modules/analytics/star-rating/star-rating.types';

/** How CMS rates the contract; the engine's ContractType under its wire name. */
export enum RatedAs {
  MaPd = 'ma_pd',
  MaOnly = 'ma_only',
  Pdp = 'pdp',
}

export function contractTypeOf(ratedAs: RatedAs): ContractType {
  return ratedAs;
}

/** The rating quality bonuses and simulations look at: overall for MA-PD, else the one summary there is. */
export type HeadlineRating = 'overall' | 'part_c' | 'part_d';

export function headlineRatingOf(ratedAs: RatedAs): HeadlineRating {
  return ratedAs === RatedAs.MaPd ? 'overall' : ratedAs === RatedAs.MaOnly ? 'part_c' : 'part_d';
}
