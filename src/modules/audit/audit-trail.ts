import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock } from 'src/common/time/clock';
import { EntityManager } from 'typeorm';
import { AccessRecord, AuditLogWriter } from 'src/modules/audit/audit-log-writer';

export type AuditEventType = 'api_key.created' | 'api_key.rotated' | 'api_key.revoked' | 'gap.status_changed';

export interface AuditEvent {
  type: AuditEventType;
  /** `key:<uuid>` for an API caller, or `cli` / `bootstrap`. */
  actor: string;
  details: Record<string, string | number | boolean | null>;
  memberHashes?: string[];
}

export const ANONYMOUS_KEY_HASH = 'anonymous';
export const keyIdHash = (keyId: string): string => createHash('sha256').update(keyId).digest('hex');

/** Records who did what (key management, gap status changes) in the same chain as the requests. */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly writer: AuditLogWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * Written in the transaction that makes the change (`within`), so a change is never committed
   * without its audit row; without a transaction, resolves once the event is committed.
   */
  record(event: AuditEvent, within?: EntityManager): Promise<void> {
    const record = this.toRecord(event);
    return within ? this.writer.appendWithin(within, [record]) : this.writer.appendDurable(record);
  }

  /** The event's access-log row, for a caller that appends it with other rows. */
  toRecord(event: AuditEvent): AccessRecord {
    const keyId = event.actor.startsWith('key:') ? event.actor.slice('key:'.length) : null;
    return {
      eventType: event.type,
      apiKeyHash: keyId ? keyIdHash(keyId) : event.actor,
      keyPrefix: null,
      role: null,
      endpoint: event.type,
      // Events are not HTTP exchanges: method names the channel and status_code is 0.
      method: keyId ? 'API' : 'CLI',
      statusCode: 0,
      responseTimeMs: null,
      timestamp: this.clock.now(),
      requestId: null,
      clientAddress: null,
      memberHashes: event.memberHashes ?? null,
      details: event.details,
    };
  }
}
