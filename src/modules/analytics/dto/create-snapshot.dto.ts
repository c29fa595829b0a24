import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { InterventionItemDto } from 'src/modules/analytics/dto/intervention-item.dto';

/** `POST /analytics/snapshots`: save the plan's standing now, optionally with an intervention plan to value. */
export class CreateSnapshotDto {
  @ApiPropertyOptional({
    type: [InterventionItemDto],
    example: [{ measure_code: 'COL', intervention: 'mailed_fit_kit', members: 200 }],
    description: 'Saved with the snapshot; GET /analytics/roi?snapshot_id=… values it again later',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InterventionItemDto)
  intervention_plan?: InterventionItemDto[];

  @ApiPropertyOptional({ example: 400, description: "Gaps to close (default: the plan's expected closures, rounded)" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  gap_closure_target?: number;
}
