import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { DrugClassFillsDto } from 'src/modules/members/dto/drug-class-fills.dto';
import { IsMemberDate } from 'src/modules/members/dto/member-date.validator';
import { PharmacyRecord, StatinIntensity } from 'src/modules/members/member-record';

/** Part D dispensing in the measurement year; leave a drug class out when the member has no fills of it. */
export class PharmacyDto implements PharmacyRecord {
  @ApiPropertyOptional({ type: DrugClassFillsDto, description: 'Non-insulin diabetes medications' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DrugClassFillsDto)
  diabetes?: DrugClassFillsDto | null;

  @ApiPropertyOptional({ type: DrugClassFillsDto, description: 'ACE inhibitors, ARBs, direct renin inhibitors' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DrugClassFillsDto)
  rasa?: DrugClassFillsDto | null;

  @ApiPropertyOptional({ type: DrugClassFillsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DrugClassFillsDto)
  statin?: DrugClassFillsDto | null;

  @ApiProperty({ example: 0, minimum: 0, maximum: 400, description: 'Insulin fills this year' })
  @IsInt()
  @Min(0)
  @Max(400)
  insulin_fills: number;

  @ApiProperty({ enum: StatinIntensity, example: StatinIntensity.Moderate, description: 'Highest dispensed this year' })
  @IsEnum(StatinIntensity)
  statin_intensity: StatinIntensity;

  @ApiProperty({ example: false, description: 'Any sacubitril/valsartan fill this year' })
  @IsBoolean()
  sacubitril_valsartan: boolean;

  @ApiPropertyOptional({ example: '2025-12-01', description: 'Most recent osteoporosis medication fill' })
  @IsOptional()
  @IsMemberDate()
  last_osteoporosis_drug_date?: string | null;

  @ApiProperty({ example: 2, minimum: 0, maximum: 100, description: 'Distinct prescribers over 12 months' })
  @IsInt()
  @Min(0)
  @Max(100)
  prescriber_count: number;
}
