import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ServiceUnavailableError } from 'src/common/errors/domain-error';
import { Environment } from 'src/config/environment';
import { SERVICE_VERSION } from 'src/config/version';
import { ModelRegistry } from 'src/modules/prediction/registry/model-registry';

export class StatusResponseDto {
  @ApiProperty({ example: 'ok' }) status: 'ok';
  @ApiProperty({ example: '0.1.0' }) version: string;
  @ApiProperty({ example: 42.5, description: 'Seconds since the process started' }) uptime_seconds: number;
}

export class LivenessResponseDto {
  @ApiProperty({ example: 'ok' }) status: 'ok';
}

export class ReadinessResponseDto {
  @ApiProperty({ example: 'ok' }) status: 'ok';
  @ApiProperty({ example: { database: { status: 'up' } } }) checks: HealthIndicatorResult;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly env: Environment,
    private readonly models: ModelRegistry,
    private readonly indicators: HealthIndicatorService,
  ) {}

  status(): StatusResponseDto {
    return { status: 'ok', version: SERVICE_VERSION, uptime_seconds: Math.round(process.uptime() * 10) / 10 };
  }

  live(): LivenessResponseDto {
    return { status: 'ok' };
  }

  async ready(): Promise<ReadinessResponseDto> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () => this.database.pingCheck('database', { timeout: this.env.HEALTH_DB_TIMEOUT_MS }),
        () => this.modelsCheck(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const failed = (error.getResponse() as HealthCheckResult).error ?? {};
      const names = Object.keys(failed);
      throw new ServiceUnavailableError(`Not ready; failing checks: ${names.join(', ')}.`, [], {
        checks: Object.fromEntries(names.map((name) => [name, { status: 'down' }])),
      });
    }
    return { status: 'ok', checks: result.details };
  }

  /** Up once all 12 measures' models are loaded and warmed up. */
  private modelsCheck(): HealthIndicatorResult {
    const indicator = this.indicators.check('models');
    const details = { loaded: this.models.loadedCount, expected: this.models.expectedCount };
    return details.loaded === details.expected ? indicator.up(details) : indicator.down(details);
  }
}
