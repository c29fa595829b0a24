import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from 'src/common/time/clock';
import { AccessRecord, AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { ANONYMOUS_KEY_HASH, keyIdHash } from 'src/modules/audit/audit-trail';
import 'src/common/phi/phi-edge';
import 'src/modules/audit/companion-write';
import 'src/modules/auth/presented-key';
import { presentedKey } from 'src/modules/auth/presented-key';

const PRESENTED_PREFIX = /^hso_[0-9A-Za-z]{12}/;
/** What a request gets when its member-data row cannot be committed. */
export const AUDIT_UNAVAILABLE_STATUS = 503;

/** Turns each request into its access-log row, written before the response when it touched member data. */
@Injectable()
export class AccessRecorder {
  constructor(
    private readonly writer: AuditLogWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * True when the row is safely stored or buffered; false when a required durable write failed (the
   * caller then answers AUDIT_UNAVAILABLE_STATUS).
   * A successful response's companion writes commit with its row; a failed one's are dropped.
   */
  async record(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const row = this.toRecord(request, reply);
    const succeeded = reply.statusCode < 300;
    if (!succeeded || (!row.memberHashes && !request.companionWrites)) {
      this.writer.appendBuffered(row);
      return true;
    }
    try {
      await this.writer.appendDurable(row, request.companionWrites);
      return true;
    } catch {
      // The client is answered 503 instead, and that answer is logged like any other failed request:
      // buffered, and written once the log can be written again.
      this.writer.appendBuffered({ ...row, statusCode: AUDIT_UNAVAILABLE_STATUS });
      return false;
    }
  }

  private toRecord(request: FastifyRequest, reply: FastifyReply): AccessRecord {
    const key = request.apiKey;
    return {
      eventType: 'http.request',
      apiKeyHash: key ? keyIdHash(key.id) : ANONYMOUS_KEY_HASH,
      // For failed attempts the public part of what was presented, so probing can be traced to a key.
      keyPrefix: key?.keyPrefix ?? PRESENTED_PREFIX.exec(presentedKey(request) ?? '')?.[0] ?? null,
      role: key?.role ?? null,
      endpoint: request.routeOptions.url ?? 'unmatched',
      method: request.method,
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime),
      timestamp: this.clock.now(),
      requestId: request.id,
      clientAddress: request.ip,
      memberHashes: request.memberHashes ?? null,
      details: null,
    };
  }
}
