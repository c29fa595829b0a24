import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsInt, Max, Min } from 'class-validator';
import { EnrollmentRecord, SnpType } from 'src/modules/members/member-record';

export class EnrollmentDto implements EnrollmentRecord {
  @ApiProperty({ example: true, description: 'Enrolled in Part D (the PDC and SUPD measures need it)' })
  @IsBoolean()
  part_d: boolean;

  @ApiProperty({ example: false, description: 'Low-income subsidy or dual Medicare-Medicaid eligible' })
  @IsBoolean()
  lis_dual_eligible: boolean;

  @ApiProperty({ example: false, description: 'Originally entitled to Medicare by disability' })
  @IsBoolean()
  disabled: boolean;

  @ApiProperty({ enum: SnpType, example: SnpType.None, description: 'Special Needs Plan type, or none' })
  @IsEnum(SnpType)
  snp_type: SnpType;

  @ApiProperty({ example: false, description: 'Living long-term in an institution' })
  @IsBoolean()
  long_term_care: boolean;

  @ApiProperty({ example: false, description: 'Hospice services or election in the measurement year' })
  @IsBoolean()
  hospice: boolean;

  @ApiProperty({
    example: 12,
    minimum: 0,
    maximum: 12,
    description: 'Months of the measurement year enrolled, counting the rest of the year on current enrolment',
  })
  @IsInt()
  @Min(0)
  @Max(12)
  months_enrolled: number;
}
