import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  Max,
  Min,
  NotEquals,
  ValidateBy,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';
import { MeasureCode } from 'src/modules/measures/measure-code';

export enum ScenarioChangeType {
  CloseGaps = 'close_gaps',
  SetRate = 'set_rate',
  MoveCutPoints = 'move_cut_points',
  SetCaiCategory = 'set_cai_category',
}

const FIELDS_BY_TYPE: Record<ScenarioChangeType, readonly string[]> = {
  [ScenarioChangeType.CloseGaps]: ['measure_code', 'gaps'],
  [ScenarioChangeType.SetRate]: ['measure_code', 'rate'],
  [ScenarioChangeType.MoveCutPoints]: ['measure_code', 'shift_points'],
  [ScenarioChangeType.SetCaiCategory]: ['rating', 'category'],
};

/** Rejects a field that belongs to another change type, so a typo cannot be silently ignored. */
function OnlyFieldsOfType(): PropertyDecorator {
  return ValidateBy({
    name: 'onlyFieldsOfType',
    validator: {
      validate: (type: unknown, args?: ValidationArguments) => {
        const allowed = FIELDS_BY_TYPE[type as ScenarioChangeType];
        const given = Object.keys(args?.object ?? {}).filter((key) => key !== 'type');
        return !allowed || given.every((key) => allowed.includes(key));
      },
      defaultMessage: (args?: ValidationArguments) =>
        `a ${String(args?.value)} change takes only ${FIELDS_BY_TYPE[args?.value as ScenarioChangeType]?.join(' and ')}`,
    },
  });
}

const has = (type: ScenarioChangeType) => (change: ScenarioChangeDto) => change.type === type;

/** One change in a scenario; which fields it takes depends on `type`. */
export class ScenarioChangeDto {
  @ApiProperty({ enum: ScenarioChangeType, example: ScenarioChangeType.CloseGaps })
  @IsEnum(ScenarioChangeType)
  @OnlyFieldsOfType()
  type: ScenarioChangeType;

  @ApiPropertyOptional({
    enum: MeasureCode,
    example: MeasureCode.Col,
    description: 'Required for close_gaps and set_rate; for move_cut_points, leave out to move every measure',
  })
  @ValidateIf(
    (change: ScenarioChangeDto) =>
      change.type === ScenarioChangeType.CloseGaps || change.type === ScenarioChangeType.SetRate || change.measure_code !== undefined,
  )
  @IsEnum(MeasureCode)
  measure_code?: MeasureCode;

  @ApiPropertyOptional({ example: 120, description: 'close_gaps: members moved from open gap to compliant' })
  @ValidateIf(has(ScenarioChangeType.CloseGaps))
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  gaps?: number;

  @ApiPropertyOptional({ example: 0.78, description: 'set_rate: the measure\'s compliance rate, 0-1' })
  @ValidateIf(has(ScenarioChangeType.SetRate))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  rate?: number;

  @ApiPropertyOptional({
    example: 5,
    description: 'move_cut_points: whole percentage points added to every cut point (+5 is the guardrail\'s largest rise)',
  })
  @ValidateIf(has(ScenarioChangeType.MoveCutPoints))
  @IsInt()
  @Min(-20)
  @Max(20)
  @NotEquals(0)
  shift_points?: number;

  @ApiPropertyOptional({ enum: ['part_c', 'part_d', 'overall'], example: 'overall', description: 'set_cai_category' })
  @ValidateIf(has(ScenarioChangeType.SetCaiCategory))
  @IsIn(['part_c', 'part_d', 'overall'])
  rating?: 'part_c' | 'part_d' | 'overall';

  @ApiPropertyOptional({ example: 6, description: 'set_cai_category: the new final adjustment category' })
  @ValidateIf(has(ScenarioChangeType.SetCaiCategory))
  @IsInt()
  @Min(1)
  @Max(9)
  category?: number;
}
