import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { MeasureFlags } from 'src/modules/measures/measure-code';

/** Numerator status last year, per measure the member was in; leave a measure out when unknown. */
export class PriorYearComplianceDto implements MeasureFlags {
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  bcs?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  col?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  omw?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  eed?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  gsd?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  ked?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  cbp?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  spc?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  pdc_dr?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  pdc_rasa?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  pdc_sta?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  supd?: boolean;
}
