import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from 'src/common/errors/domain-error';
import { Clock } from 'src/common/time/clock';
import { Environment } from 'src/config/environment';
import { generateApiKey } from 'src/modules/auth/api-key-format';
import { apiKeyStatus, isUsable } from 'src/modules/auth/api-key-status';
import { AuditTrail } from 'src/modules/audit/audit-trail';
import { ApiKeyVerifier } from 'src/modules/auth/api-key-verifier';
import { ApiKey } from 'src/modules/auth/api-key.entity';
import { ApiKeyRepository } from 'src/modules/auth/api-key.repository';
import { ApiKeyNotRotatableError, LastAdminKeyError } from 'src/modules/auth/auth.errors';
import { CreateApiKeyDto } from 'src/modules/auth/dto/create-api-key.dto';
import {
  ApiKeyResponseDto,
  IssuedApiKeyResponseDto,
  RotatedApiKeyResponseDto,
} from 'src/modules/auth/dto/api-key-response.dto';
import { Role } from 'src/modules/auth/role';

const DAY_MS = 24 * 3600 * 1000;

/** Creating, listing, rotating and revoking API keys; used by the admin API and the operator CLI. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly verifier: ApiKeyVerifier,
    private readonly clock: Clock,
    private readonly env: Environment,
    private readonly audit: AuditTrail,
  ) {}

  async create(input: CreateApiKeyDto, createdBy: string): Promise<IssuedApiKeyResponseDto> {
    const days = input.expires_in_days ?? this.env.API_KEY_DEFAULT_TTL_DAYS;
    if (days > this.env.API_KEY_MAX_TTL_DAYS) {
      throw new ValidationFailedError('One or more fields are invalid.', [
        { field: 'expires_in_days', message: `expires_in_days must not be greater than ${this.env.API_KEY_MAX_TTL_DAYS}` },
      ]);
    }
    const generated = generateApiKey();
    return this.keys.serialised(async (keys) => {
      const key = await keys.insert({
        name: input.name,
        role: input.role,
        keyPrefix: generated.keyPrefix,
        secretHash: generated.secretHash,
        expiresAt: new Date(this.clock.now().getTime() + days * DAY_MS),
        createdBy,
        rotatedFrom: null,
        rateLimitPerMinute: input.rate_limit_per_minute ?? this.env.API_KEY_RATE_LIMIT_PER_MINUTE,
      });
      const details = { key_id: key.id, role: key.role };
      await this.audit.record({ type: 'api_key.created', actor: createdBy, details }, keys.manager);
      return { ...this.toResponse(key), api_key: generated.key };
    });
  }

  async list(): Promise<ApiKeyResponseDto[]> {
    return (await this.keys.list()).map((key) => this.toResponse(key));
  }

  async get(id: string): Promise<ApiKeyResponseDto> {
    return this.toResponse(await this.require(this.keys, id));
  }

  /**
   * Issues a new key with the same name, role and limit. The old key keeps working for the grace
   * period (or until its own expiry, if sooner) so callers can switch without downtime.
   */
  async rotate(id: string, actor: string): Promise<RotatedApiKeyResponseDto> {
    return this.keys.serialised(async (keys) => {
      const old = await this.require(keys, id);
      const now = this.clock.now();
      if (!isUsable(old, now)) {
        throw new ApiKeyNotRotatableError(`The key is ${apiKeyStatus(old, now)}; issue a new key instead.`);
      }
      if (await keys.findSuccessor(old.id)) {
        throw new ApiKeyNotRotatableError('The key was already rotated; rotate its successor instead.');
      }
      const generated = generateApiKey();
      const successor = await keys.insert({
        name: old.name,
        role: old.role,
        keyPrefix: generated.keyPrefix,
        secretHash: generated.secretHash,
        expiresAt: new Date(now.getTime() + this.env.API_KEY_DEFAULT_TTL_DAYS * DAY_MS),
        createdBy: actor,
        rotatedFrom: old.id,
        rateLimitPerMinute: old.rateLimitPerMinute,
      });
      const graceEnd = new Date(now.getTime() + this.env.API_KEY_ROTATION_GRACE_HOURS * 3600 * 1000);
      const previousExpiry = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
      await keys.update(old.id, { expiresAt: previousExpiry });
      this.verifier.evict(old.keyPrefix);
      const details = { key_id: old.id, successor_id: successor.id, previous_key_expires_at: previousExpiry.toISOString() };
      await this.audit.record({ type: 'api_key.rotated', actor, details }, keys.manager);
      return { ...this.toResponse(successor), api_key: generated.key, previous_key_expires_at: previousExpiry.toISOString() };
    });
  }

  /** Effective at once on this replica; other replicas drop the key within AUTH_CACHE_TTL_MS. */
  async revoke(id: string, actor: string): Promise<ApiKeyResponseDto> {
    return this.keys.serialised(async (keys) => {
      const key = await this.require(keys, id);
      const now = this.clock.now();
      if (key.revokedAt) return this.toResponse(key);
      if (key.role === Role.Admin && isUsable(key, now) && (await keys.countOtherUsableAdmins(key.id, now)) === 0) {
        throw new LastAdminKeyError();
      }
      await keys.update(key.id, { revokedAt: now });
      this.verifier.evict(key.keyPrefix);
      await this.audit.record({ type: 'api_key.revoked', actor, details: { key_id: key.id, role: key.role } }, keys.manager);
      return this.toResponse({ ...key, revokedAt: now });
    });
  }

  private async require(keys: ApiKeyRepository, id: string): Promise<ApiKey> {
    const key = await keys.findById(id);
    if (!key) throw new NotFoundError('No API key has this id.');
    return key;
  }

  private toResponse(key: ApiKey): ApiKeyResponseDto {
    return {
      id: key.id,
      name: key.name,
      role: key.role,
      key_prefix: key.keyPrefix,
      status: apiKeyStatus(key, this.clock.now()),
      created_by: key.createdBy,
      created_at: key.createdAt.toISOString(),
      expires_at: key.expiresAt?.toISOString() ?? null,
      last_used_at: key.lastUsedAt?.toISOString() ?? null,
      revoked_at: key.revokedAt?.toISOString() ?? null,
      rotated_from: key.rotatedFrom,
      rate_limit_per_minute: key.rateLimitPerMinute,
    };
  }
}
