import { Injectable } from '@nestjs/common';
import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { emptyMeasureStats, MeasureStats } from 'src/modules/measures/measure-stats';
import { GapListRepository } from 'src/modules/portfolio/gap-list.repository';
import { PredictionRepository } from 'src/modules/prediction/prediction.repository';

/** Per-measure figures from stored predictions and gap lists; zeros for a measure with no data yet. */
@Injectable()
export class MeasureStatsService {
  constructor(
    private readonly predictions: PredictionRepository,
    private readonly gaps: GapListRepository,
  ) {}

  async forMeasure(code: MeasureCode): Promise<MeasureStats> {
    return (await this.forMeasures([code]))[0];
  }

  /** In the order asked for; all 12 catalogue measures by default. */
  async forMeasures(codes: readonly MeasureCode[] = MEASURE_CODES): Promise<MeasureStats[]> {
    const [predicted, gapCounts] = await Promise.all([
      this.predictions.latestStatsByMeasure(codes),
      this.gaps.countsByMeasure(codes),
    ]);
    return codes.map((code) => {
      const fromPredictions = predicted.find((row) => row.measureCode === code);
      const fromGaps = gapCounts.find((row) => row.measureCode === code);
      return {
        ...emptyMeasureStats(code),
        ...(fromPredictions && {
          eligibleMembers: fromPredictions.eligibleMembers,
          compliantMembers: fromPredictions.compliantMembers,
          expectedCompliantMembers: fromPredictions.expectedCompliantMembers,
          latestPredictionDate: fromPredictions.latestPredictionDate,
        }),
        ...(fromGaps && { openGaps: fromGaps.openGaps, closedGaps: fromGaps.closedGaps }),
      };
    });
  }
}
