import { exp, floor, log, max, min } from 'src/modules/members/math';
import { Random } from 'src/modules/members/synthetic/random';

/** How one member fills one drug class over the year; fixed before the plan's adherence level is known. */
export interface FillPlan {
  firstFill: number;
  /** Chance each fill is a 90-day supply rather than 30. */
  ninetyDayChance: number;
  /** Member-level log-odds of refilling on time, before the plan intercept. */
  score: number;
  seed: number;
}

export interface FillOutcome {
  /** Fills dated on or before the as-of date. */
  fills: number;
  firstFill: number;
  lastFill: number;
  lastSupply: number;
  daysCovered: number;
  pdcToDate: number;
  ninetyDayFills: number;
  /** PDC over the PQA treatment period, first fill to 31 December: the year-end label. */
  yearEndPdc: number;
}

/**
 * Simulates refills through the year. Each refill is on time (up to five days early) with probability
 * sigmoid(intercept + score), otherwise late by 3 days plus an exponential delay (mean 25 days); the
 * member may stop altogether, more often when less adherent. Overlapping supply is shifted forward as
 * PQA counts it. Every refill draws the same four numbers, so a higher intercept never makes any
 * member less adherent: the bisection on the intercept is then well behaved.
 */
export function simulateFills(plan: FillPlan, intercept: number, asOf: number, yearEnd: number): FillOutcome {
  const rng = new Random(plan.seed);
  const onTime = 1 / (1 + exp(-(intercept + plan.score)));
  const stopChance = 0.01 + 0.04 * (1 - onTime);
  const first = plan.firstFill;
  let day = first;
  let cursor = first;
  const outcome = { fills: 0, lastFill: first, lastSupply: 30, ninetyDayFills: 0, toDate: 0, toYearEnd: 0 };

  while (day <= yearEnd) {
    const stop = rng.next();
    const late = rng.next();
    const delay = rng.next();
    const length = rng.next();
    const supply = length < plan.ninetyDayChance ? 90 : 30;
    const start = max(cursor, day);
    cursor = start + supply;
    outcome.toYearEnd += overlap(start, cursor - 1, yearEnd);
    if (day <= asOf) {
      outcome.fills += 1;
      outcome.lastFill = day;
      outcome.lastSupply = supply;
      outcome.ninetyDayFills += supply === 90 ? 1 : 0;
      outcome.toDate += overlap(start, cursor - 1, asOf);
    }
    if (stop < stopChance) break;
    day += supply + (late < onTime ? floor(delay * 6) - 5 : 3 + floor(-log(1 - delay) * 25));
  }

  const daysToDate = max(1, asOf - first + 1);
  return {
    fills: outcome.fills,
    firstFill: first,
    lastFill: outcome.lastFill,
    lastSupply: outcome.lastSupply,
    daysCovered: outcome.toDate,
    pdcToDate: first > asOf ? 0 : min(1, outcome.toDate / daysToDate),
    ninetyDayFills: outcome.ninetyDayFills,
    yearEndPdc: min(1, outcome.toYearEnd / (yearEnd - first + 1)),
  };
}

function overlap(start: number, end: number, limit: number): number {
  return max(0, min(end, limit) - start + 1);
}
