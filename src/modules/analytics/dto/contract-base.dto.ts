import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { NOT_RATED_REASONS } from 'src/modules/analytics/contract-rules';
import { CaiCategoriesDto } from 'src/modules/analytics/dto/cai-categories.dto';
import { RatedAs } from 'src/modules/analytics/rated-as';
import type { MeasureOutcome } from 'src/modules/analytics/star-rating/star-rating.types';

/** What the Star Ratings need to know about a contract, shared by the calculator and the contract profile. */
export class ContractBaseDto {
  @ApiPropertyOptional({ example: 'H1234', description: 'CMS contract number' })
  @IsOptional()
  @Matches(/^[A-Z]\d{4}$/, { message: 'contract_id must be a letter and four digits, like H1234' })
  contract_id?: string;

  @ApiProperty({ enum: RatedAs, example: RatedAs.MaPd, description: 'MA-PD, MA-only or stand-alone PDP' })
  @IsEnum(RatedAs)
  rated_as: RatedAs;

  @ApiPropertyOptional({ default: false, description: 'Offers SNPs, so reports C07-C09; otherwise they are not required' })
  @IsOptional()
  @IsBoolean()
  snp?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Puerto-Rico-only contract: D08-D10 weigh 0' })
  @IsOptional()
  @IsBoolean()
  puerto_rico_only?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      oneOf: [
        { type: 'integer', minimum: 1, maximum: 5 },
        { type: 'string', enum: [...NOT_RATED_REASONS] },
      ],
    },
    example: { C03: 4, C04: 3, C22: 4, C30: 4, D01: 5, D04: 3, C16: 'not_enough_data' },
    description: 'Stars (1-5) or a not-rated reason by CMS measure id; a measure left out counts as no_data',
  })
  @IsOptional()
  @IsObject()
  measure_stars?: Record<string, MeasureOutcome>;

  @ApiPropertyOptional({ type: CaiCategoriesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CaiCategoriesDto)
  cai?: CaiCategoriesDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0, maximum: 100 },
    example: { '2023': 0, '2024': 12.5 },
    description: 'Share of members in FEMA disaster areas by year (new-measure hold harmless at 25 %)',
  })
  @IsOptional()
  @IsObject()
  disaster_percent?: Record<string, number>;
}
