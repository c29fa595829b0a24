import { ApiKey } from 'src/modules/auth/api-key.entity';

export enum ApiKeyStatus {
  Active = 'active',
  Expiring = 'expiring',
  Expired = 'expired',
  Revoked = 'revoked',
}

/** Keys that expire within this window are reported as expiring, and their callers are told so. */
export const EXPIRY_WARNING_MS = 14 * 24 * 3600 * 1000;

export function apiKeyStatus(key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now: Date): ApiKeyStatus {
  if (key.revokedAt && key.revokedAt <= now) return ApiKeyStatus.Revoked;
  if (key.expiresAt && key.expiresAt <= now) return ApiKeyStatus.Expired;
  if (key.expiresAt && key.expiresAt.getTime() - now.getTime() <= EXPIRY_WARNING_MS) return ApiKeyStatus.Expiring;
  return ApiKeyStatus.Active;
}

/** Usable keys: active or expiring. */
export function isUsable(key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  const status = apiKeyStatus(key, now);
  return status === ApiKeyStatus.Active || status === ApiKeyStatus.Expiring;
}
