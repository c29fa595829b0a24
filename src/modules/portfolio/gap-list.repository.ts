import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { GapListEntry } from 'src/modules/portfolio/gap-list-entry.entity';

/** `intervention_status` of a gap that an intervention closed; every other status (or none) is open. */
export const CLOSED_GAP_STATUS = 'closed';

/** An open gap as a prediction leaves it: created if the member has none open on the measure, else updated. */
export interface OpenGap {
  memberHash: string;
  measureCode: string;
  gapDate: string;
  gapType: string;
  priorityScore: number;
  interventionRecommended: string | null;
}

export interface GapCounts {
  measureCode: string;
  openGaps: number;
  closedGaps: number;
}

@Injectable()
export class GapListRepository {
  constructor(@InjectRepository(GapListEntry) private readonly gaps: Repository<GapListEntry>) {}

  findById(gapId: string): Promise<GapListEntry | null> {
    return this.gaps.findOneBy({ gapId });
  }

  save(entry: Omit<GapListEntry, 'gapId' | 'createdAt'>): Promise<GapListEntry> {
    return this.gaps.save(this.gaps.create(entry));
  }

  /** Open and closed gap rows per measure; measures without gap rows are absent. */
  async countsByMeasure(measureCodes: readonly string[]): Promise<GapCounts[]> {
    const rows: Array<{ measure_code: string; open_gaps: number | string; closed_gaps: number | string }> =
      await this.gaps.query(
        `SELECT measure_code,
                COUNT(*) FILTER (WHERE intervention_status IS DISTINCT FROM $2)::int AS open_gaps,
                COUNT(*) FILTER (WHERE intervention_status = $2)::int AS closed_gaps
           FROM gap_lists
          WHERE measure_code = ANY($1)
          GROUP BY measure_code`,
        [[...measureCodes], CLOSED_GAP_STATUS],
      );
    return rows.map((row) => ({
      measureCode: row.measure_code,
      openGaps: Number(row.open_gaps),
      closedGaps: Number(row.closed_gaps),
    }));
  }
}
