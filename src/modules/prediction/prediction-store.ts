import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GroupCommit } from 'src/common/db/group-commit';
import { AccessRecord, AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { AuditTrail } from 'src/modules/audit/audit-trail';
import { BatchWriter, Bind, CompanionStatement } from 'src/modules/audit/companion-write';
import { OpenGap } from 'src/modules/portfolio/gap-list.repository';
import { Prediction } from 'src/modules/prediction/prediction.entity';
import { MemberMeasure, PredictionRows, PredictionWriteRepository } from 'src/modules/prediction/prediction-write.repository';

export interface PredictionWrite {
  predictions: Array<Omit<Prediction, 'createdAt'>>;
  openGaps: OpenGap[];
  /** Member-measure pairs whose care is now complete; their open gaps get closed. */
  completed: MemberMeasure[];
  closedDate: string;
  actor: string;
}

/** Work that must commit or fail together with a prediction write (an idempotent response, say). */
export type TransactionStep = (manager: EntityManager) => Promise<void>;

interface QueuedWrite {
  write: PredictionWrite;
  alongside?: TransactionStep;
}

const pairKey = (p: MemberMeasure): string => `${p.measureCode}:${p.memberHash}`;

/**
 * Writes predictions and the gap-list changes they imply. An API request hands its write to the
 * request's access-log commit (it is a BatchWriter: see companion-write.ts); other callers `save`.
 * Either way concurrent writes share one transaction (group commit), so 50 simultaneous predictions
 * cost one commit, not fifty, and each caller resolves only once its own rows are committed.
 */
@Injectable()
export class PredictionStore implements BatchWriter<PredictionWrite> {
  // One failing step fails the whole group, like any other error in the transaction: every caller learns it.
  private readonly group = new GroupCommit<QueuedWrite>((queued) =>
    this.dataSource.transaction(async (manager) => {
      const events = await this.writeBatch(queued.map((q) => q.write), manager);
      for (const { alongside } of queued) await alongside?.(manager);
      if (events.length > 0) await this.auditLog.appendWithin(manager, events);
    }),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rows: PredictionWriteRepository,
    private readonly audit: AuditTrail,
    private readonly auditLog: AuditLogWriter,
  ) {}

  /** Commits the write, and `alongside` in the same transaction. */
  save(write: PredictionWrite, alongside?: TransactionStep): Promise<void> {
    return this.group.submit({ write, alongside });
  }

  async writeBatch(writes: PredictionWrite[], manager: EntityManager): Promise<AccessRecord[]> {
    const { rows, actorOf } = settle(writes);
    const { opened, closed } = await this.rows.write(rows, manager);
    return [
      ...this.statusEvents(opened, actorOf, { to_status: 'pending', reason: 'gap_predicted_open' }),
      ...this.statusEvents(closed, actorOf, { to_status: 'closed', reason: 'numerator_met_in_submitted_record' }),
    ];
  }

  /** One `gap.status_changed` event per actor and measure, naming every member whose gap changed. */
  private statusEvents(pairs: MemberMeasure[], actorOf: Map<string, string>, change: { to_status: string; reason: string }): AccessRecord[] {
    const events = new Map<string, { actor: string; measureCode: string; members: string[] }>();
    for (const pair of pairs) {
      const actor = actorOf.get(pairKey(pair))!;
      const key = `${actor}|${pair.measureCode}`;
      const event = events.get(key) ?? { actor, measureCode: pair.measureCode, members: [] };
      event.members.push(pair.memberHash);
      events.set(key, event);
    }
    return [...events.values()].map(({ actor, measureCode, members }) => {
      const details = { measure_code: measureCode, ...change, gaps: members.length };
      return this.audit.toRecord({ type: 'gap.status_changed', actor, details, memberHashes: members });
    });
  }

  statement(writes: PredictionWrite[], bind: Bind): CompanionStatement {
    return this.rows.statement(settle(writes).rows, bind);
  }
}

/**
 * The rows to write for several writes; the last word on each member-measure wins (a gap opened, then
 * completed, is closed), and its writer is the actor of any status change on that pair.
 */
function settle(writes: PredictionWrite[]): { rows: PredictionRows; actorOf: Map<string, string> } {
  const finalState = new Map<string, { open: OpenGap } | { completed: MemberMeasure }>();
  const actorOf = new Map<string, string>();
  for (const write of writes) {
    for (const gap of write.openGaps) {
      finalState.set(pairKey(gap), { open: gap });
      actorOf.set(pairKey(gap), write.actor);
    }
    for (const pair of write.completed) {
      finalState.set(pairKey(pair), { completed: pair });
      actorOf.set(pairKey(pair), write.actor);
    }
  }
  const states = [...finalState.values()];
  return {
    rows: {
      predictions: writes.flatMap((w) => w.predictions),
      openGaps: states.flatMap((s) => ('open' in s ? [s.open] : [])),
      completed: states.flatMap((s) => ('completed' in s ? [s.completed] : [])),
      closedDate: writes[writes.length - 1].closedDate,
    },
    actorOf,
  };
}
