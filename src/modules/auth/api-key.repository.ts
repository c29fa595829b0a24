import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Not, Repository } from 'typeorm';
import { ApiKey } from 'src/modules/auth/api-key.entity';
import { Role } from 'src/modules/auth/role';

export type NewApiKey = Omit<ApiKey, 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>;

// Any fixed number works; it only has to be the same in every replica.
const KEY_MANAGEMENT_LOCK = 7_104_221;

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  findById(id: string): Promise<ApiKey | null> {
    return this.keys.findOneBy({ id });
  }

  findByPrefix(keyPrefix: string): Promise<ApiKey | null> {
    return this.keys.findOneBy({ keyPrefix });
  }

  findSuccessor(id: string): Promise<ApiKey | null> {
    return this.keys.findOneBy({ rotatedFrom: id });
  }

  list(): Promise<ApiKey[]> {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }

  count(): Promise<number> {
    return this.keys.count();
  }

  insert(key: NewApiKey): Promise<ApiKey> {
    return this.keys.save(this.keys.create({ ...key, lastUsedAt: null, revokedAt: null }));
  }

  /** Admin keys other than `exceptId` that are neither revoked nor expired at `now`. */
  countOtherUsableAdmins(exceptId: string, now: Date): Promise<number> {
    return this.keys.count({
      where: { role: Role.Admin, id: Not(exceptId), revokedAt: IsNull(), expiresAt: MoreThan(now) },
    });
  }

  /** The manager of this repository: the transaction's own inside `serialised`. */
  get manager(): EntityManager {
    return this.keys.manager;
  }

  async update(id: string, changes: Partial<Pick<ApiKey, 'revokedAt' | 'expiresAt' | 'lastUsedAt'>>): Promise<void> {
    await this.keys.update({ id }, changes);
  }

  /**
   * Runs key-management changes one at a time across all replicas (a transaction-scoped advisory
   * lock), so two concurrent revocations cannot both pass the last-admin check.
   */
  serialised<T>(work: (keys: ApiKeyRepository) => Promise<T>): Promise<T> {
    return this.keys.manager.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [KEY_MANAGEMENT_LOCK]);
      return work(new ApiKeyRepository(manager.getRepository(ApiKey)));
    });
  }
}
