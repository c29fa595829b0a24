import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { DiagnosesDto } from 'src/modules/members/dto/diagnoses.dto';
import { EnrollmentDto } from 'src/modules/members/dto/enrollment.dto';
import { IsMemberDate, stampMeasurementYear } from 'src/modules/members/dto/member-date.validator';
import { PharmacyDto } from 'src/modules/members/dto/pharmacy.dto';
import { PriorYearComplianceDto } from 'src/modules/members/dto/prior-year-compliance.dto';
import { ServiceHistoryDto } from 'src/modules/members/dto/service-history.dto';
import { UtilizationDto } from 'src/modules/members/dto/utilization.dto';
import { MemberRecord, Sex } from 'src/modules/members/member-record';
import { IsMemberId } from 'src/common/phi/is-member-id';

/**
 * One member as the payer's systems hold it. `member_id` is replaced by a keyed hash at the edge;
 * the rest is the `MemberRecord` the eligibility engine and feature builder read. Every date must fall
 * on or before 31 December of `measurement_year`.
 */
export class MemberRecordDto implements MemberRecord {
  @ApiProperty({ example: 'M000123456', description: "The payer's member id (hashed before storage)" })
  @IsMemberId()
  member_id: string;

  @ApiProperty({ example: '1954-07-19', description: 'At most 120 years before the measurement year' })
  @IsMemberDate({ yearsBeforeMeasurementYear: 120 })
  birth_date: string;

  @ApiProperty({ enum: Sex, example: Sex.Female })
  @IsEnum(Sex)
  sex: Sex;

  @ApiProperty({ example: 2026, minimum: 2015, maximum: 2100 })
  @IsInt()
  @Min(2015)
  @Max(2100)
  measurement_year: number;

  @ApiProperty({ example: '2026-06-30', description: 'Data extract date; within the measurement year' })
  @IsMemberDate({ yearsBeforeMeasurementYear: 0 })
  as_of_date: string;

  @ApiProperty({ type: EnrollmentDto })
  @IsObject()
  @ValidateNested()
  @Type(() => EnrollmentDto)
  enrollment: EnrollmentDto;

  @ApiProperty({ type: DiagnosesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DiagnosesDto)
  @Transform(stampMeasurementYear)
  diagnoses: DiagnosesDto;

  @ApiProperty({ type: ServiceHistoryDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ServiceHistoryDto)
  @Transform(stampMeasurementYear)
  service_history: ServiceHistoryDto;

  @ApiProperty({ type: PharmacyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PharmacyDto)
  @Transform(stampMeasurementYear)
  pharmacy: PharmacyDto;

  @ApiProperty({ type: UtilizationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => UtilizationDto)
  utilization: UtilizationDto;

  @ApiProperty({ type: PriorYearComplianceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PriorYearComplianceDto)
  prior_year_compliance: PriorYearComplianceDto;
}
