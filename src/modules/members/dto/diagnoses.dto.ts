import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsMemberDate } from 'src/modules/members/dto/member-date.validator';
import { DiagnosesRecord } from 'src/modules/members/member-record';

export class DiagnosesDto implements DiagnosesRecord {
  @ApiProperty({ example: true, description: 'Type 1 or type 2 diabetes' })
  @IsBoolean()
  diabetes: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  hypertension: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  hyperlipidemia: boolean;

  @ApiProperty({ example: false, description: 'IVD diagnosis in both the measurement year and the year before' })
  @IsBoolean()
  ischemic_vascular_disease: boolean;

  @ApiPropertyOptional({ example: '2025-03-14', description: 'Most recent MI, CABG, PCI or other revascularisation' })
  @IsOptional()
  @IsMemberDate()
  ascvd_event_date?: string | null;

  @ApiProperty({ example: false })
  @IsBoolean()
  heart_failure: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  depression: boolean;

  @ApiProperty({ example: 3, minimum: 0, maximum: 5, description: 'Chronic kidney disease stage; 0 = none' })
  @IsInt()
  @Min(0)
  @Max(5)
  ckd_stage: number;

  @ApiProperty({ example: false, description: 'End-stage renal disease or dialysis' })
  @IsBoolean()
  esrd: boolean;

  @ApiPropertyOptional({ example: '2025-11-02', description: 'Most recent fracture (not finger, toe, face or skull)' })
  @IsOptional()
  @IsMemberDate()
  fracture_date?: string | null;

  @ApiProperty({ example: false })
  @IsBoolean()
  bilateral_mastectomy: boolean;

  @ApiProperty({ example: false, description: 'Colorectal cancer or total colectomy, ever' })
  @IsBoolean()
  colorectal_cancer_or_colectomy: boolean;

  @ApiProperty({ example: false, description: 'Two or more indications of frailty on different dates this year' })
  @IsBoolean()
  frailty: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  advanced_illness: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  palliative_care: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  pregnancy: boolean;

  @ApiProperty({ example: false, description: 'Myalgia, myositis, myopathy or rhabdomyolysis' })
  @IsBoolean()
  statin_intolerance: boolean;

  @ApiProperty({ example: 1, minimum: 0, maximum: 30, description: 'Other CMS chronic conditions (COPD, arthritis, ...)' })
  @IsInt()
  @Min(0)
  @Max(30)
  other_chronic_condition_count: number;
}
