import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Environment } from 'src/config/environment';

interface StoredSecrets {
  phi_hash_key: string;
  audit_checkpoint_key: string;
}

/**
 * The HMAC keys for member ids and audit checkpoints. From the environment when set (required with
 * DATABASE_URL); for the embedded database they are generated once and kept beside it in DATA_DIR,
 * so a newcomer needs no setup — with a warning, because whoever can read that folder can use them.
 */
@Injectable()
export class ServiceSecrets {
  private readonly logger = new Logger(ServiceSecrets.name);
  readonly phiHashKey: string;
  readonly auditCheckpointKey: string;
  /** Keys that signed checkpoints before the current one; they verify, and never sign. */
  readonly previousCheckpointKeys: readonly string[];

  constructor(env: Environment) {
    const stored = env.PHI_HASH_KEY && env.AUDIT_CHECKPOINT_KEY ? null : this.embeddedSecrets(env.DATA_DIR);
    this.phiHashKey = env.PHI_HASH_KEY ?? stored!.phi_hash_key;
    this.auditCheckpointKey = env.AUDIT_CHECKPOINT_KEY ?? stored!.audit_checkpoint_key;
    this.previousCheckpointKeys = env.AUDIT_CHECKPOINT_PREVIOUS_KEYS;
  }

  private embeddedSecrets(dataDir: string): StoredSecrets {
    const file = join(resolve(dataDir), 'secrets.json');
    if (!existsSync(file)) {
      mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 });
      const fresh: StoredSecrets = {
        phi_hash_key: randomBytes(32).toString('base64url'),
        audit_checkpoint_key: randomBytes(32).toString('base64url'),
      };
      writeFileSync(file, JSON.stringify(fresh), { mode: 0o600 });
    }
    this.logger.warn(
      `PHI_HASH_KEY / AUDIT_CHECKPOINT_KEY not set: using keys generated in ${file}. Set both from a secret store in production.`,
    );
    return JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  }
}
