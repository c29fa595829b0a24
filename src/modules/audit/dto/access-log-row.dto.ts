import { ApiProperty } from '@nestjs/swagger';

export class AccessLogRowDto {
  @ApiProperty({ format: 'uuid' }) log_id: string;
  @ApiProperty({ example: '1042' }) seq: string;
  @ApiProperty({ format: 'date-time' }) timestamp: string;
  @ApiProperty({ example: 'http.request' }) event_type: string;
  @ApiProperty({ description: 'SHA-256 of the key id, or anonymous / cli / bootstrap' }) api_key_hash: string;
  @ApiProperty({ nullable: true, type: String }) key_prefix: string | null;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
  @ApiProperty({ example: '/api/v1/measures/:code' }) endpoint: string;
  @ApiProperty({ example: 'GET' }) method: string;
  @ApiProperty({ example: 200 }) status_code: number;
  @ApiProperty({ nullable: true, type: Number }) response_time_ms: number | null;
  @ApiProperty({ nullable: true, type: String }) request_id: string | null;
  @ApiProperty({ nullable: true, type: String }) client_address: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'member_hash of every member whose data was touched' })
  member_hashes: string[] | null;
  @ApiProperty({ nullable: true, type: Object }) details: Record<string, unknown> | null;
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogRowDto] }) items: AccessLogRowDto[];
  @ApiProperty({ nullable: true, type: String }) next_cursor: string | null;
}
