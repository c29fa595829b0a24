import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { recordMemberAccess } from 'src/common/phi/phi-edge';
import { commitWithAccessRow } from 'src/modules/audit/companion-write';
import { actorOf } from 'src/modules/auth/actor';
import { Auth } from 'src/modules/auth/auth.decorators';
import { Role } from 'src/modules/auth/role';
import { MemberRecordDto } from 'src/modules/members/dto/member-record.dto';
import { BatchPredictionRequestDto } from 'src/modules/prediction/dto/batch-request.dto';
import {
  BatchPredictionResponseDto,
  PortfolioPredictionResponseDto,
  PredictionResponseDto,
  StoredPredictionResponseDto,
} from 'src/modules/prediction/dto/prediction-response.dto';
import { IdempotencyService } from 'src/modules/prediction/idempotency.service';
import { PredictionStore } from 'src/modules/prediction/prediction-store';
import { PredictionService } from 'src/modules/prediction/prediction.service';

/** Route config read by the onRoute hook in app.setup.ts: this route accepts BATCH_BODY_LIMIT_BYTES. */
export const LARGE_BODY = { largeBody: true };

@ApiTags('predictions')
@Controller()
export class PredictionController {
  constructor(
    private readonly predictions: PredictionService,
    private readonly idempotency: IdempotencyService,
    private readonly store: PredictionStore,
  ) {}

  @Post('predict/member/:measure_code')
  @Auth(Role.Integration)
  @ApiCreatedResponse({ type: PredictionResponseDto })
  @ApiNotFoundResponse({ description: 'Unknown measure code (the problem lists the valid codes)' })
  @ApiUnprocessableEntityResponse({ description: 'The member is not eligible for, or excluded from, the measure' })
  async predictMember(
    @Param('measure_code') measureCode: string,
    @Body() member: MemberRecordDto,
    @Req() request: FastifyRequest,
  ): Promise<PredictionResponseDto> {
    const { response, write } = await this.predictions.predictMember(measureCode, member, actorOf(request));
    commitWithAccessRow(request, this.store, write);
    return response;
  }

  @Post('predict/batch/:measure_code')
  @HttpCode(200)
  @RouteConfig(LARGE_BODY)
  @Auth(Role.Integration)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body returns the first result and writes nothing twice' })
  @ApiOkResponse({ type: BatchPredictionResponseDto, description: 'A result or an error for every member, in request order' })
  predictBatch(
    @Param('measure_code') measureCode: string,
    @Body() body: BatchPredictionRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<BatchPredictionResponseDto> {
    return this.idempotency.once(request.apiKey!.id, idempotencyKey, { measureCode, body }, (recordResponse) =>
      this.predictions.predictBatch(measureCode, body.members, actorOf(request), recordResponse),
    );
  }

  @Post('predict/portfolio')
  @Auth(Role.Integration)
  @ApiCreatedResponse({ type: PortfolioPredictionResponseDto, description: 'A prediction for every measure the member is eligible for' })
  async predictPortfolio(@Body() member: MemberRecordDto, @Req() request: FastifyRequest): Promise<PortfolioPredictionResponseDto> {
    const { response, write } = await this.predictions.predictPortfolio(member, actorOf(request));
    commitWithAccessRow(request, this.store, write);
    return response;
  }

  @Get('predictions/:prediction_id')
  @Auth(Role.Integration, Role.Analyst)
  @ApiOkResponse({ type: StoredPredictionResponseDto })
  @ApiNotFoundResponse({ description: 'No prediction has this id' })
  async get(@Param('prediction_id', ParseUUIDPipe) predictionId: string, @Req() request: FastifyRequest): Promise<StoredPredictionResponseDto> {
    const prediction = await this.predictions.get(predictionId);
    recordMemberAccess(request, [prediction.member_hash]);
    return prediction;
  }
}
