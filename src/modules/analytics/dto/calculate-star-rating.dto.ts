import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { ContractBaseDto } from 'src/modules/analytics/dto/contract-base.dto';

/** A full contract for `POST /analytics/star-rating/calculate`: stars for any of the 45 measures, scores for the 12. */
export class CalculateStarRatingDto extends ContractBaseDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0, maximum: 100 },
    example: { BCS: 78.4, COL: 71.2, 'PDC-DR': 88.5 },
    description:
      'Measure scores in percent, as CMS displays them, by catalogue measure code; turned into stars with the ' +
      "Star year's cut points (PDP cut points for a PDP). Do not also give the same measure in measure_stars.",
  })
  @IsOptional()
  @IsObject()
  measure_scores?: Record<string, number>;
}
