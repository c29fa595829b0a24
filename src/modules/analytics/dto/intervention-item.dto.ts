import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { InterventionItem } from 'src/modules/analytics/intervention-plan';
import { InterventionType } from 'src/modules/measures/measure';
import { MeasureCode } from 'src/modules/measures/measure-code';

/** One line of an intervention plan. Cost and closure rate default to the catalogue's labelled assumptions. */
export class InterventionItemDto {
  @ApiProperty({ enum: MeasureCode, example: MeasureCode.Col })
  @IsEnum(MeasureCode)
  measure_code: MeasureCode;

  @ApiProperty({ enum: InterventionType, example: InterventionType.MailedFitKit })
  @IsEnum(InterventionType)
  intervention: InterventionType;

  @ApiProperty({ example: 200, description: 'Members with an open gap the intervention reaches' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  members: number;

  @ApiPropertyOptional({ example: 2500, description: "Cost per member reached, cents (default: the catalogue's assumption)" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  unit_cost_cents?: number;

  @ApiPropertyOptional({ example: 0.22, description: "Share of reached gaps that close (default: the catalogue's assumption)" })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  closure_rate?: number;
}

export function toInterventionItem(dto: InterventionItemDto): InterventionItem {
  return {
    measureCode: dto.measure_code,
    intervention: dto.intervention,
    members: dto.members,
    unitCostCents: dto.unit_cost_cents,
    closureRate: dto.closure_rate,
  };
}
