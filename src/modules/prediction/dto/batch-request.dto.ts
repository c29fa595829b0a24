import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject } from 'class-validator';
import { MemberRecordDto } from 'src/modules/members/dto/member-record.dto';

export const MAX_BATCH_MEMBERS = 10_000;

/** Members are validated one by one in the service, so one bad member does not fail the batch. */
export class BatchPredictionRequestDto {
  @ApiProperty({ type: [MemberRecordDto], maxItems: MAX_BATCH_MEMBERS, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_MEMBERS)
  @IsObject({ each: true })
  members: Array<Record<string, unknown>>;
}
