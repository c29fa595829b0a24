import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { MaxDecimalPlaces } from 'src/common/validation/max-decimal-places';
import { IsMemberDate } from 'src/modules/members/dto/member-date.validator';
import { ServiceHistoryRecord } from 'src/modules/members/member-record';

/** The most recent date of each service; leave a field out when the member never had it. */
export class ServiceHistoryDto implements ServiceHistoryRecord {
  @ApiPropertyOptional({ example: '2025-05-20' })
  @IsOptional()
  @IsMemberDate()
  last_mammogram_date?: string | null;

  @ApiPropertyOptional({ example: '2019-08-02' })
  @IsOptional()
  @IsMemberDate()
  last_colonoscopy_date?: string | null;

  @ApiPropertyOptional({ example: '2026-02-11', description: 'FIT or gFOBT' })
  @IsOptional()
  @IsMemberDate()
  last_fit_date?: string | null;

  @ApiPropertyOptional({ example: '2024-10-01', description: 'Stool FIT-DNA (e.g. Cologuard)' })
  @IsOptional()
  @IsMemberDate()
  last_fit_dna_date?: string | null;

  @ApiPropertyOptional({ example: '2023-04-17' })
  @IsOptional()
  @IsMemberDate()
  last_ct_colonography_date?: string | null;

  @ApiPropertyOptional({ example: '2022-09-09', description: 'Flexible sigmoidoscopy' })
  @IsOptional()
  @IsMemberDate()
  last_sigmoidoscopy_date?: string | null;

  @ApiPropertyOptional({ example: '2025-09-30', description: 'Retinal or dilated eye exam by an eye-care professional' })
  @IsOptional()
  @IsMemberDate()
  last_retinal_exam_date?: string | null;

  @ApiPropertyOptional({ example: true, description: 'The last retinal exam found no retinopathy' })
  @IsOptional()
  @IsBoolean()
  last_retinal_exam_negative?: boolean | null;

  @ApiPropertyOptional({ example: '2026-03-03' })
  @IsOptional()
  @IsMemberDate()
  last_egfr_date?: string | null;

  @ApiPropertyOptional({ example: '2025-03-03', description: 'Urine albumin-creatinine ratio' })
  @IsOptional()
  @IsMemberDate()
  last_uacr_date?: string | null;

  @ApiPropertyOptional({ example: '2024-06-12' })
  @IsOptional()
  @IsMemberDate()
  last_bone_density_date?: string | null;

  @ApiPropertyOptional({ example: 7.4, minimum: 3, maximum: 20, description: 'HbA1c or GMI, percent' })
  @IsOptional()
  @IsNumber()
  @MaxDecimalPlaces(1)
  @Min(3)
  @Max(20)
  last_hba1c_value?: number | null;

  @ApiPropertyOptional({ example: '2026-03-03' })
  @IsOptional()
  @IsMemberDate()
  last_hba1c_date?: string | null;

  @ApiPropertyOptional({ example: 134, minimum: 50, maximum: 300, description: 'mm Hg' })
  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(300)
  last_bp_systolic?: number | null;

  @ApiPropertyOptional({ example: 82, minimum: 20, maximum: 200, description: 'mm Hg' })
  @IsOptional()
  @IsInt()
  @Min(20)
  @Max(200)
  last_bp_diastolic?: number | null;

  @ApiPropertyOptional({ example: '2026-04-21' })
  @IsOptional()
  @IsMemberDate()
  last_bp_date?: string | null;

  @ApiPropertyOptional({ example: 118, minimum: 1, maximum: 600, description: 'LDL cholesterol, mg/dL' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  last_ldl_value?: number | null;

  @ApiPropertyOptional({ example: '2026-05-12', description: 'Lipid panel that gave last_ldl_value' })
  @IsOptional()
  @IsMemberDate()
  last_ldl_date?: string | null;
}
