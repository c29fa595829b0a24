import type { FastifyRequest } from 'fastify';
import { EntityManager } from 'typeorm';
import type { AccessRecord } from 'src/modules/audit/audit-log-writer';

/** Writes many items of one kind inside a transaction someone else opened and commits. */
export interface BatchWriter<T> {
  /** Answers the audit events the change itself makes (a gap closed), to chain with the request rows. */
  writeBatch(items: T[], manager: EntityManager): Promise<AccessRecord[]>;
}

/**
 * A data change that commits in the same transaction as the access-log row of the request that made
 * it: the change is never stored without its audit row, nor the row without the change, and the
 * request pays for one commit instead of two.
 */
export interface CompanionWrite<T = unknown> {
  writer: BatchWriter<T>;
  item: T;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Changes to commit with this request's access-log row, before the response is sent. */
    companionWrites?: CompanionWrite[];
  }
}

export function commitWithAccessRow<T>(request: FastifyRequest, writer: BatchWriter<T>, item: T): void {
  (request.companionWrites ??= []).push({ writer, item } as CompanionWrite);
}

/** Runs each writer once with all of its items, in the order the writers first appear; answers their events. */
export async function writeCompanions(writes: readonly CompanionWrite[], manager: EntityManager): Promise<AccessRecord[]> {
  const byWriter = new Map<BatchWriter<unknown>, unknown[]>();
  for (const { writer, item } of writes) {
    const items = byWriter.get(writer) ?? [];
    items.push(item);
    byWriter.set(writer, items);
  }
  const events: AccessRecord[] = [];
  for (const [writer, items] of byWriter) events.push(...(await writer.writeBatch(items, manager)));
  return events;
}
