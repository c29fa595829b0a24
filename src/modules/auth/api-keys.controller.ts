import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Auth } from 'src/modules/auth/auth.decorators';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import { actorOf } from 'src/modules/auth/actor';
import { CreateApiKeyDto } from 'src/modules/auth/dto/create-api-key.dto';
import {
  ApiKeyResponseDto,
  IssuedApiKeyResponseDto,
  RotatedApiKeyResponseDto,
} from 'src/modules/auth/dto/api-key-response.dto';

@ApiTags('admin: api keys')
@Auth()
@Controller('admin/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiCreatedResponse({ type: IssuedApiKeyResponseDto, description: 'The full key is in `api_key`, shown this once' })
  create(@Body() body: CreateApiKeyDto, @Req() request: FastifyRequest): Promise<IssuedApiKeyResponseDto> {
    return this.apiKeys.create(body, actorOf(request));
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyResponseDto] })
  list(): Promise<ApiKeyResponseDto[]> {
    return this.apiKeys.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiNotFoundResponse({ description: 'No key has this id' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyResponseDto> {
    return this.apiKeys.get(id);
  }

  @Post(':id/rotate')
  @ApiCreatedResponse({ type: RotatedApiKeyResponseDto })
  @ApiConflictResponse({ description: 'The key is expired, revoked or already rotated' })
  rotate(@Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest): Promise<RotatedApiKeyResponseDto> {
    return this.apiKeys.rotate(id, actorOf(request));
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiConflictResponse({ description: 'It is the last active admin key' })
  revoke(@Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest): Promise<ApiKeyResponseDto> {
    return this.apiKeys.revoke(id, actorOf(request));
  }
}
