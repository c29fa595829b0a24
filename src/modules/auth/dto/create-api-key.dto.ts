import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Role } from 'src/modules/auth/role';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'claims-feed-prod', description: 'A label for people: which system or team uses the key' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[\w .:@/-]+$/, { message: 'name may contain letters, digits, spaces and . _ : @ / - only' })
  name: string;

  @ApiProperty({ enum: Role, example: Role.Integration })
  @IsEnum(Role)
  role: Role;

  @ApiPropertyOptional({ example: 90, description: 'Days until the key expires (default 90; at most API_KEY_MAX_TTL_DAYS)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expires_in_days?: number;

  @ApiPropertyOptional({ example: 100, description: 'Requests per minute allowed for this key (default 100)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  rate_limit_per_minute?: number;
}
