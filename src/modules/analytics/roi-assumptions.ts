import { FieldError } from 'src/common/errors/domain-error';
import { ContractProfile } from 'src/modules/analytics/contract-profile.entity';
import { AssumptionDto } from 'src/modules/analytics/dto/roi-response.dto';
import { RoiQueryDto } from 'src/modules/analytics/dto/roi-query.dto';
import { PAYMENT_RULES } from 'src/modules/analytics/payment-rules';
import { PaymentAssumptions } from 'src/modules/analytics/roi';

export interface ResolvedAssumptions {
  assumptions: PaymentAssumptions | null;
  /** Inputs nobody gave: no request value, nothing in the profile, no rule to fall back on. */
  missing: FieldError[];
  used: AssumptionDto[];
}

/**
 * Each payment input from the request, else the contract profile, else CMS's rule; nothing is made
 * up. Benchmark and member months have no default: without them there is no ROI to compute.
 */
export function resolveAssumptions(query: RoiQueryDto, profile: ContractProfile): ResolvedAssumptions {
  const used: AssumptionDto[] = [];
  const missing: FieldError[] = [];
  const pick = <T extends number | boolean>(name: string, fromQuery: T | undefined, fallback: T | null, fallbackSource: string): T | null => {
    const value = fromQuery ?? fallback;
    used.push({ name, value, source: fromQuery !== undefined ? 'request' : value === null ? 'none' : fallbackSource });
    return value;
  };
  const yearOf = profile.enrollment === null ? null : profile.enrollment * 12;
  const memberMonths = pick('member_months', query.member_months, yearOf, 'derived');
  const benchmark = pick('benchmark_pmpm_cents', query.benchmark_pmpm_cents, profile.benchmarkPmpmCents, 'profile');
  const bid = pick('bid_pmpm_cents', query.bid_pmpm_cents, profile.bidPmpmCents, 'profile');
  const doubleBonusShare = pick('double_bonus_share', query.double_bonus_share, profile.doubleBonusShare, 'profile') as number;
  const newPlan = pick('new_plan', query.new_plan, profile.newPlan, 'profile') as boolean;
  const rule = <T extends number>(name: string, value: T | undefined, fallback: T): T => pick(name, value, fallback, 'cms_rule') as T;
  const threshold = rule('bonus_threshold_stars', query.bonus_threshold_stars, PAYMENT_RULES.bonusThresholdStars);
  const bonusPercent = rule('bonus_percent', query.bonus_percent, PAYMENT_RULES.bonusPercent);
  const doubleBonusPercent = rule('double_bonus_percent', query.double_bonus_percent, PAYMENT_RULES.doubleBonusPercent);
  const newPlanBonusPercent = rule('new_plan_bonus_percent', query.new_plan_bonus_percent, PAYMENT_RULES.newPlanBonusPercent);
  const [high, mid, low] = PAYMENT_RULES.rebateSharePercent;
  const rebateSharePercent = [
    { minStars: high.minStars, percent: rule('rebate_share_percent_high', query.rebate_share_percent_high, high.percent) },
    { minStars: mid.minStars, percent: rule('rebate_share_percent_mid', query.rebate_share_percent_mid, mid.percent) },
    { minStars: low.minStars, percent: rule('rebate_share_percent_low', query.rebate_share_percent_low, low.percent) },
  ];

  if (memberMonths === null) {
    missing.push({ field: 'member_months', message: 'give member_months, or set enrollment in the contract profile' });
  }
  if (benchmark === null) {
    missing.push({ field: 'benchmark_pmpm_cents', message: 'give benchmark_pmpm_cents, or set it in the contract profile' });
  }
  const assumptions =
    memberMonths === null || benchmark === null
      ? null
      : {
          memberMonths,
          benchmarkPmpmCents: benchmark,
          bidPmpmCents: bid,
          doubleBonusShare,
          newPlan,
          bonusThresholdStars: threshold,
          bonusPercent,
          doubleBonusPercent,
          newPlanBonusPercent,
          rebateSharePercent,
        };
  return { assumptions, missing, used };
}
