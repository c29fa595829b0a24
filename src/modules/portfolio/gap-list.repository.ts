import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
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

  /**
   * One open row per member and measure (a partial unique index): new gaps are inserted as pending,
   * gaps already open get the new priority and recommendation and keep their status and date.
   */
  async upsertOpen(gaps: OpenGap[], manager: EntityManager = this.gaps.manager): Promise<void> {
    if (gaps.length === 0) return;
    await manager.query(
      `INSERT INTO gap_lists (member_hash, measure_code, gap_date, gap_type, priority_score, intervention_recommended, intervention_status)
       SELECT m, c, d, t, p, i, 'pending'
         FROM unnest($1::varchar[], $2::varchar[], $3::date[], $4::varchar[], $5::float8[], $6::varchar[]) AS g(m, c, d, t, p, i)
       ON CONFLICT (member_hash, measure_code) WHERE intervention_status IS DISTINCT FROM 'closed'
       DO UPDATE SET priority_score = EXCLUDED.priority_score, intervention_recommended = EXCLUDED.intervention_recommended`,
      [
        gaps.map((g) => g.memberHash),
        gaps.map((g) => g.measureCode),
        gaps.map((g) => g.gapDate),
        gaps.map((g) => g.gapType),
        gaps.map((g) => g.priorityScore),
        gaps.map((g) => g.interventionRecommended),
      ],
    );
  }

  /** Closes the open gaps of these member-measure pairs (care completed); returns the members whose gap closed. */
  async closeOpen(
    pairs: Array<{ memberHash: string; measureCode: string }>,
    closedDate: string,
    manager: EntityManager = this.gaps.manager,
  ): Promise<Array<{ memberHash: string; measureCode: string }>> {
    if (pairs.length === 0) return [];
    // For UPDATE … RETURNING, TypeORM answers [rows, affected count].
    const [rows]: [Array<{ member_hash: string; measure_code: string }>, number] = await manager.query(
      `UPDATE gap_lists g SET intervention_status = $3, closed_date = $4
         FROM unnest($1::varchar[], $2::varchar[]) AS p(m, c)
        WHERE g.member_hash = p.m AND g.measure_code = p.c AND g.intervention_status IS DISTINCT FROM $3
        RETURNING g.member_hash, g.measure_code`,
      [pairs.map((p) => p.memberHash), pairs.map((p) => p.measureCode), CLOSED_GAP_STATUS, closedDate],
    );
    return rows.map((r) => ({ memberHash: r.member_hash, measureCode: r.measure_code }));
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
