import type { FastifyRequest } from 'fastify';
import { EntityManager } from 'typeorm';
import type { AccessRecord } from 'src/modules/audit/audit-log-writer';

/** Registers a query parameter and answers its placeholder (`$n`). */
export type Bind = (value: unknown) => string;

/** The condition every data-modifying CTE of a CompanionStatement writes under. */
export const WHEN_APPENDED = 'WHERE EXISTS (SELECT 1 FROM append_ok)';

/**
 * A companion change written by the access-log INSERT statement itself: one round trip for the
 * whole commit. The statement writes nothing (and the caller falls back to the locked transaction)
 * if the chain's tail has moved or `noEvents` is false.
 */
export interface CompanionStatement {
  /** Data-modifying CTEs (`name AS (…)`, comma-separated), each writing only `WHEN_APPENDED`. */
  ctes: string;
  /** An SQL condition that holds when the change makes no audit events of its own (`writeBatch` would answer none). */
  noEvents: string;
}

/** Writes many items of one kind inside a transaction someone else opened and commits. */
export interface BatchWriter<T> {
  /** Answers the audit events the change itself makes (a gap closed), to chain with the request rows. */
  writeBatch(items: T[], manager: EntityManager): Promise<AccessRecord[]>;
  /** The same change as part of the one-statement append (see CompanionStatement). */
  statement?(items: T[], bind: Bind): CompanionStatement;
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

/** Each writer with all of its items, in the order the writers first appear. */
function byWriter(writes: readonly CompanionWrite[]): Map<BatchWriter<unknown>, unknown[]> {
  const grouped = new Map<BatchWriter<unknown>, unknown[]>();
  for (const { writer, item } of writes) {
    const items = grouped.get(writer) ?? [];
    items.push(item);
    grouped.set(writer, items);
  }
  return grouped;
}

/** Runs each writer once with all of its items; answers their events. */
export async function writeCompanions(writes: readonly CompanionWrite[], manager: EntityManager): Promise<AccessRecord[]> {
  const events: AccessRecord[] = [];
  for (const [writer, items] of byWriter(writes)) events.push(...(await writer.writeBatch(items, manager)));
  return events;
}

/** The writes as statement parts for the one-statement append, or null if a writer has none to offer. */
export function companionStatements(writes: readonly CompanionWrite[]): ((bind: Bind) => CompanionStatement[]) | null {
  const grouped = [...byWriter(writes)];
  if (grouped.some(([writer]) => !writer.statement)) return null;
  return (bind) => grouped.map(([writer, items]) => writer.statement!(items, bind));
}
