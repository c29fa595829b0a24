import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GroupCommit } from 'src/common/db/group-commit';
import { AuditTrail } from 'src/modules/audit/audit-trail';
import { BatchWriter } from 'src/modules/audit/companion-write';
import { GapListRepository, OpenGap } from 'src/modules/portfolio/gap-list.repository';
import { Prediction } from 'src/modules/prediction/prediction.entity';
import { PredictionRepository } from 'src/modules/prediction/prediction.repository';

export interface MemberMeasure {
  memberHash: string;
  measureCode: string;
}

export interface PredictionWrite {
  predictions: Array<Omit<Prediction, 'createdAt'>>;
  openGaps: OpenGap[];
  /** Member-measure pairs whose care is now complete; their open gaps get closed. */
  completed: MemberMeasure[];
  closedDate: string;
  actor: string;
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
  private readonly group = new GroupCommit<PredictionWrite>((writes) =>
    this.dataSource.transaction((manager) => this.writeBatch(writes, manager)),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly predictions: PredictionRepository,
    private readonly gaps: GapListRepository,
    private readonly audit: AuditTrail,
  ) {}

  save(write: PredictionWrite): Promise<void> {
    return this.group.submit(write);
  }

  async writeBatch(writes: PredictionWrite[], manager: EntityManager): Promise<void> {
    // The last word on each member-measure wins: a gap opened and later completed is closed.
    const finalState = new Map<string, { open: OpenGap } | { completed: MemberMeasure; actor: string }>();
    for (const write of writes) {
      write.openGaps.forEach((gap) => finalState.set(pairKey(gap), { open: gap }));
      write.completed.forEach((pair) => finalState.set(pairKey(pair), { completed: pair, actor: write.actor }));
    }
    const states = [...finalState.values()];
    const openGaps = states.flatMap((s) => ('open' in s ? [s.open] : []));
    const completed = states.flatMap((s) => ('completed' in s ? [s] : []));
    await this.predictions.insertMany(writes.flatMap((w) => w.predictions), manager);
    await this.gaps.upsertOpen(openGaps, manager);
    const closed = new Set(
      (await this.gaps.closeOpen(completed.map((c) => c.completed), writes[writes.length - 1].closedDate, manager)).map(pairKey),
    );
    const events = new Map<string, { actor: string; measureCode: string; members: string[] }>();
    for (const { completed: pair, actor } of completed.filter((c) => closed.has(pairKey(c.completed)))) {
      const key = `${actor}|${pair.measureCode}`;
      const event = events.get(key) ?? { actor, measureCode: pair.measureCode, members: [] };
      event.members.push(pair.memberHash);
      events.set(key, event);
    }
    for (const { actor, measureCode, members } of events.values()) {
      const details = { measure_code: measureCode, to_status: 'closed', reason: 'numerator_met_in_submitted_record', gaps: members.length };
      await this.audit.record({ type: 'gap.status_changed', actor, details, memberHashes: members }, manager);
    }
  }
}
