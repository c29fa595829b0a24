import { Injectable } from '@nestjs/common';
import { MeasurePerformanceResponseDto } from 'src/modules/measures/dto/measure-performance-response.dto';
import { StarPositionDto } from 'src/modules/measures/dto/star-position.dto';
import { currentRate, predictedRate } from 'src/modules/measures/measure-stats';
import { MeasureStatsService } from 'src/modules/measures/measure-stats.service';
import { MeasuresService } from 'src/modules/measures/measures.service';
import { catalogueCutPointRule, StarPosition, starPosition } from 'src/modules/measures/star-position';

/** `GET /measures/{code}/performance`: stored data read against the catalogue's cut points. */
@Injectable()
export class MeasurePerformanceService {
  constructor(
    private readonly measures: MeasuresService,
    private readonly stats: MeasureStatsService,
  ) {}

  async performance(code: string): Promise<MeasurePerformanceResponseDto> {
    const measure = this.measures.get(code);
    const stats = await this.stats.forMeasure(measure.code);
    const rule = catalogueCutPointRule(measure);
    return {
      measure_code: measure.code,
      cms_id: measure.cms_id,
      star_year: this.measures.starYear,
      eligible_members: stats.eligibleMembers,
      compliant_members: stats.compliantMembers,
      current_compliance_rate: roundRate(currentRate(stats)),
      predicted_compliance_rate: roundRate(predictedRate(stats)),
      open_gaps: stats.openGaps,
      closed_gaps: stats.closedGaps,
      latest_prediction_at: stats.latestPredictionDate?.toISOString() ?? null,
      cut_points: { ...measure.cut_points },
      current: toDto(starPosition(stats.compliantMembers, stats.eligibleMembers, rule)),
      projected: toDto(starPosition(stats.expectedCompliantMembers, stats.eligibleMembers, rule)),
    };
  }
}

function roundRate(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1e6) / 1e6;
}

export function toDto(position: StarPosition | null): StarPositionDto | null {
  if (!position) return null;
  return {
    score_percent: Math.round(position.scorePercent * 100) / 100,
    rounded_score: position.roundedScore,
    stars: position.stars,
    next_cut_point: position.nextCutPoint,
    members_to_next_cut_point: position.membersToNextCutPoint,
    cut_point_below: position.cutPointBelow,
    margin_members: position.marginMembers,
  };
}
