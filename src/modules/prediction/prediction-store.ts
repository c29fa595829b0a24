import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from 'src/modules/audit/audit-trail';
import { GapListRepository, OpenGap } from 'src/modules/portfolio/gap-list.repository';
import { Prediction } from 'src/modules/prediction/prediction.entity';
import { PredictionRepository } from 'src/modules/prediction/prediction.repository';

export interface PredictionWrite {
  predictions: Array<Omit<Prediction, 'createdAt'>>;
  openGaps: OpenGap[];
  /** Member-measure pairs whose care is now complete: any open gap on them is closed. */
  completed: Array<{ memberHash: string; measureCode: string }>;
  closedDate: string;
  actor: string;
}

/** Writes a set of predictions and the gap-list changes they imply in one transaction. */
@Injectable()
export class PredictionStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly predictions: PredictionRepository,
    private readonly gaps: GapListRepository,
    private readonly audit: AuditTrail,
  ) {}

  async save(write: PredictionWrite): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.predictions.insertMany(write.predictions, manager);
      await this.gaps.upsertOpen(write.openGaps, manager);
      const closed = await this.gaps.closeOpen(write.completed, write.closedDate, manager);
      for (const measureCode of new Set(closed.map((c) => c.measureCode))) {
        const members = closed.filter((c) => c.measureCode === measureCode).map((c) => c.memberHash);
        await this.audit.record(
          {
            type: 'gap.status_changed',
            actor: write.actor,
            details: { measure_code: measureCode, to_status: 'closed', reason: 'numerator_met_in_submitted_record', gaps: members.length },
            memberHashes: members,
          },
          manager,
        );
      }
    });
  }
}
