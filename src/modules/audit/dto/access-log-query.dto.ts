import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Role } from 'src/modules/auth/role';

/** Every column of a row except member_hashes and details: a list and a document, and too long for a cursor. */
export const SORT_FIELDS = [
  'timestamp', 'seq', 'log_id', 'event_type', 'api_key_hash', 'key_prefix', 'role', 'endpoint', 'method',
  'status_code', 'response_time_ms', 'request_id', 'client_address',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/** Filters shared by the access-log report, its exports and the member-access report. */
export class AccessLogFilterDto {
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'Inclusive start (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Exclusive end (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'API key id (matched through api_key_hash)' })
  @IsOptional()
  @IsUUID()
  key_id?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ example: '/api/v1/predict/member/:measure_code', description: 'Route template' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  endpoint?: string;

  @ApiPropertyOptional({ example: 'POST' })
  @IsOptional()
  @IsIn(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'API', 'CLI'])
  method?: string;

  @ApiPropertyOptional({ example: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(599)
  status?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  request_id?: string;

  @ApiPropertyOptional({ example: 'api_key.revoked' })
  @IsOptional()
  @Matches(/^[a-z_.]{1,50}$/, { message: 'event_type must be like http.request or api_key.revoked' })
  event_type?: string;
}

export class AccessLogQueryDto extends AccessLogFilterDto {
  @ApiPropertyOptional({ enum: SORT_FIELDS, default: 'timestamp', description: 'Ties are broken by seq, in the same order' })
  @IsOptional()
  @IsIn(SORT_FIELDS)
  sort?: SortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'next_cursor from the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be a next_cursor value returned by this endpoint' })
  cursor?: string;
}

export class AccessLogExportQueryDto extends AccessLogFilterDto {
  @ApiPropertyOptional({ enum: ['csv', 'jsonl'], default: 'jsonl' })
  @IsOptional()
  @IsIn(['csv', 'jsonl'])
  format?: 'csv' | 'jsonl';
}
