import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyStatus } from 'src/modules/auth/api-key-status';
import { Role } from 'src/modules/auth/role';

/** A key as admins see it: never the secret or its hash. */
export class ApiKeyResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'claims-feed-prod' }) name: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ example: 'hso_3kTz9QmB1xYa', description: 'Public part of the key, to recognise it' }) key_prefix: string;
  @ApiProperty({ enum: ApiKeyStatus }) status: ApiKeyStatus;
  @ApiProperty({ example: 'key:2f0c…' }) created_by: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expires_at: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) last_used_at: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revoked_at: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) rotated_from: string | null;
  @ApiProperty({ example: 100 }) rate_limit_per_minute: number;
}

/** Returned once, at creation or rotation: the only time the full key is ever shown. */
export class IssuedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({ example: 'hso_3kTz9QmB1xYa_…', description: 'The full key. Store it now: it is not shown again.' })
  api_key: string;
}

export class RotatedApiKeyResponseDto extends IssuedApiKeyResponseDto {
  @ApiProperty({ format: 'date-time', description: 'When the replaced key stops working' })
  previous_key_expires_at: string;
}
