import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsInt, IsNumber, IsString, Max, Min, MinLength } from 'class-validator';
import { DefaultIntervention, InterventionType } from 'src/modules/measures/measure';

/** A planning assumption shipped as a default; no public source gives per-gap costs or closure rates. */
export class DefaultInterventionDto implements DefaultIntervention {
  @ApiProperty({ enum: InterventionType, example: InterventionType.MailedFitKit })
  @IsEnum(InterventionType)
  type: InterventionType;

  @ApiProperty({ example: 'FIT stool test kit mailed to the home with a prepaid return envelope' })
  @IsString()
  @MinLength(1)
  description: string;

  @ApiProperty({ example: 2500, description: 'Assumed cost per member contacted, in US cents' })
  @IsInt()
  @Min(0)
  unit_cost_cents: number;

  @ApiProperty({ example: 0.22, minimum: 0, maximum: 1, description: 'Assumed share of open gaps closed by year end' })
  @IsNumber()
  @Min(0)
  @Max(1)
  expected_closure_rate: number;

  @ApiProperty({ example: true, description: 'Always true: these are assumptions, not facts' })
  @IsBoolean()
  is_assumption: boolean;
}
