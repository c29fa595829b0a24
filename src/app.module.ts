import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { ProblemDetailsFilter } from 'src/common/filters/problem-details.filter';
import { loggerOptions } from 'src/common/logging/logger-options';
import { CompiledValidationPipe } from 'src/common/validation/compiled-validation.pipe';
import { VALIDATION_PIPE_OPTIONS } from 'src/common/validation/validation-pipe-options';
import { CommonModule } from 'src/common/common.module';
import { ConfigModule } from 'src/config/config.module';
import { Environment } from 'src/config/environment';
import { DatabaseModule } from 'src/database/database.module';
import { AnalyticsModule } from 'src/modules/analytics/analytics.module';
import { AuditModule } from 'src/modules/audit/audit.module';
import { AuthModule } from 'src/modules/auth/auth.module';
import { ApiKeyGuard } from 'src/modules/auth/guards/api-key.guard';
import { RateLimitGuard } from 'src/modules/auth/guards/rate-limit.guard';
import { RolesGuard } from 'src/modules/auth/guards/roles.guard';
import { HealthModule } from 'src/modules/health/health.module';
import { MeasuresModule } from 'src/modules/measures/measures.module';
import { memberRecordValidator } from 'src/modules/members/dto/member-record.validator';
import { MetricsModule } from 'src/modules/metrics/metrics.module';
import { PortfolioModule } from 'src/modules/portfolio/portfolio.module';
import { batchRequestValidator } from 'src/modules/prediction/dto/batch-request.validator';
import { PredictionModule } from 'src/modules/prediction/prediction.module';

/** Feature modules plus every global pipe, filter and guard, so tests run exactly what production runs. */
@Module({})
export class AppModule {
  /** `logDestination` lets tests capture every log line the service writes. */
  static forRoot(env: Environment, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        CommonModule,
        LoggerModule.forRoot(loggerOptions(env, logDestination)),
        DatabaseModule,
        HealthModule,
        MetricsModule,
        AuthModule,
        AuditModule,
        PredictionModule,
        PortfolioModule,
        MeasuresModule,
        AnalyticsModule,
      ],
      providers: [
        // Deny by default, in this order: rate limit → API key → role. @Public() is the only way out.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        ProblemDetailsFilter,
        { provide: APP_FILTER, useExisting: ProblemDetailsFilter },
        {
          provide: APP_PIPE,
          // DTOs with a compiled validator skip class-transformer + class-validator when it accepts them.
          useValue: new CompiledValidationPipe([memberRecordValidator, batchRequestValidator], VALIDATION_PIPE_OPTIONS),
        },
      ],
    };
  }
}
