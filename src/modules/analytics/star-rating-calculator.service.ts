import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from 'src/common/errors/domain-error';
import { Environment } from 'src/config/environment';
import { contractPartsOf, contractProblems } from 'src/modules/analytics/contract-dto';
import { toContractStarInput } from 'src/modules/analytics/contract-parts';
import { CalculateStarRatingDto } from 'src/modules/analytics/dto/calculate-star-rating.dto';
import { CalculatedStarRatingResponseDto } from 'src/modules/analytics/dto/calculated-star-rating-response.dto';
import { measureScoresProblems, scoreMeasures } from 'src/modules/analytics/measure-scores';
import { toContractRatingDto } from 'src/modules/analytics/star-rating.mapper';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { rateContract } from 'src/modules/analytics/star-rating/summary-rating';
import { MeasuresService } from 'src/modules/measures/measures.service';

/** `POST /analytics/star-rating/calculate`: a contract of the caller's choosing, rated by the engine from the stars and scores given. */
@Injectable()
export class StarRatingCalculatorService {
  constructor(
    private readonly measures: MeasuresService,
    private readonly env: Environment,
  ) {}

  calculate(dto: CalculateStarRatingDto): CalculatedStarRatingResponseDto {
    const method = loadStarMethod(this.env.STAR_YEAR);
    const catalogue = this.measures.list();
    const stars = dto.measure_stars ?? {};
    const scores = dto.measure_scores ?? {};
    const problems = [
      ...contractProblems(method, dto),
      ...measureScoresProblems(method, catalogue, dto.rated_as, scores, stars),
    ];
    if (Object.keys(stars).length + Object.keys(scores).length === 0) {
      problems.push({ field: 'measure_stars', message: 'give stars in measure_stars or scores in measure_scores for at least one measure' });
    }
    if (problems.length > 0) throw new ValidationFailedError('One or more fields are invalid.', problems);

    const parts = contractPartsOf(dto);
    const scored = scoreMeasures(catalogue, dto.rated_as, scores);
    const input = toContractStarInput(
      method,
      parts,
      Object.fromEntries(scored.map((item) => [item.measure.cms_id, item.stars])),
    );
    return {
      contract_id: parts.contractId,
      star_year: method.starYear,
      rated_as: dto.rated_as,
      measure_stars: { ...input.measures },
      scored_measures: scored.map((item) => ({
        measure_code: item.measure.code,
        cms_id: item.measure.cms_id,
        score: item.score,
        rounded_score: item.roundedScore,
        stars: item.stars,
      })),
      ...toContractRatingDto(rateContract(method, input), dto.rated_as),
    };
  }
}
