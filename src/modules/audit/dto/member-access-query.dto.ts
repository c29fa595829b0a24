import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsMemberId } from 'src/common/phi/is-member-id';

/** `member_id` arrives raw and is replaced by its keyed hash at the edge, before this is validated. */
export class MemberAccessQueryDto {
  @ApiProperty({ example: 'M123456789', description: 'The member id as your systems hold it; hashed on arrival, never stored' })
  @IsMemberId()
  member_id: string;

  @ApiPropertyOptional({ example: '2020-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be a next_cursor value returned by this endpoint' })
  cursor?: string;
}
