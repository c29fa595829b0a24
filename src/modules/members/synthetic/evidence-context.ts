import { dayNumber, isoDate } from 'src/modules/members/member-dates';
import { MemberRecord } from 'src/modules/members/member-record';
import { Random } from 'src/modules/members/synthetic/random';

/**
 * What an evidence writer needs: the record to fill in, whether the member's gap closes by year end
 * (decided before the writer runs), and the snapshot day. Writers only ever record events dated on
 * or before the as-of date, because the record is what the payer holds then.
 */
export interface EvidenceContext {
  rng: Random;
  record: MemberRecord;
  closes: boolean;
  year: number;
  asOf: number;
}

/** Day 1 January of `year`. */
export const jan1 = (year: number): number => dayNumber(year, 1, 1);
export const dec31 = (year: number): number => dayNumber(year, 12, 31);

export function dayBetween(rng: Random, from: number, to: number): number {
  return rng.int(from, Math.max(from, to));
}

/** The ISO date if it is visible on the as-of date, otherwise null. */
export function visible(context: EvidenceContext, day: number): string | null {
  return day <= context.asOf ? isoDate(day) : null;
}

export const iso = isoDate;
