import { Injectable } from '@nestjs/common';
import { ApiKeyRepository } from 'src/modules/auth/api-key.repository';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import { Role } from 'src/modules/auth/role';

/**
 * On the first start of an empty embedded database, one admin key is created so a newcomer can
 * call the API at once. With DATABASE_URL the operator CLI creates the first key instead.
 */
@Injectable()
export class ApiKeyBootstrap {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly apiKeys: ApiKeysService,
  ) {}

  /** The full key when one was created, else null. */
  async createFirstAdminKeyIfNone(): Promise<string | null> {
    if ((await this.keys.count()) > 0) return null;
    const issued = await this.apiKeys.create({ name: 'first-admin', role: Role.Admin }, 'bootstrap');
    return issued.api_key;
  }
}
