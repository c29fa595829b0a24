import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { Environment } from 'src/config/environment';
import { AuditModule } from 'src/modules/audit/audit.module';
import { AccessRuleReader } from 'src/modules/auth/access-rule';
import { ApiKeyBootstrap } from 'src/modules/auth/api-key-bootstrap';
import { ApiKeyVerifier } from 'src/modules/auth/api-key-verifier';
import { ApiKey } from 'src/modules/auth/api-key.entity';
import { ApiKeyRepository } from 'src/modules/auth/api-key.repository';
import { ApiKeysController } from 'src/modules/auth/api-keys.controller';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import 'src/modules/auth/presented-key';
import { RateLimitStorage, RateLimitStorageModule } from 'src/modules/auth/rate-limit-storage';

@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([ApiKey]),
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [Environment, RateLimitStorage],
      useFactory: (env: Environment, storage: RateLimitStorage) => ({
        storage,
        throttlers: [
          {
            name: 'default',
            ttl: 60_000,
            // Per key: its own limit. Without a valid key: the per-address limit.
            limit: (context) =>
              context.switchToHttp().getRequest<FastifyRequest>().apiKey?.rateLimitPerMinute ??
              env.UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE,
          },
        ],
      }),
    }),
  ],
  controllers: [ApiKeysController],
  providers: [ApiKeyRepository, ApiKeyVerifier, ApiKeysService, AccessRuleReader, ApiKeyBootstrap],
  exports: [ApiKeyVerifier, AccessRuleReader, ApiKeysService, ApiKeyBootstrap, ThrottlerModule],
})
export class AuthModule {}
