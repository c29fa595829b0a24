import { dayNumber, parseIsoDate } from 'src/modules/members/member-dates';
import { MemberRecord } from 'src/modules/members/member-record';
import {
  LDL_ACTION_THRESHOLD,
  PROMPT_WINDOW_DAYS,
  statinStartChance,
  writeLipidPanel,
} from 'src/modules/members/synthetic/evidence-lipids';
import { Random } from 'src/modules/members/synthetic/random';
import { aMember } from 'src/modules/members/testing/member-record.fixture';

const YEAR = 2026;
const AS_OF = dayNumber(YEAR, 6, 30);

function panels(closes: boolean, count: number, record: () => MemberRecord = () => aMember({ diagnoses: { diabetes: true } })) {
  const rng = new Random(closes ? 11 : 12);
  return Array.from({ length: count }, () => {
    const member = record();
    writeLipidPanel({ rng, record: member, closes, year: YEAR, asOf: AS_OF });
    const { last_ldl_value: ldl, last_ldl_date: date } = member.service_history;
    return date ? { ldl: ldl as number, day: parseIsoDate(date) as number } : null;
  });
}

const shareOf = <T>(items: T[], test: (item: T) => boolean): number => items.filter(test).length / items.length;
const promptingReading = (panel: { ldl: number; day: number } | null): boolean =>
  panel !== null && panel.ldl >= LDL_ACTION_THRESHOLD && AS_OF - panel.day <= PROMPT_WINDOW_DAYS;

describe(statinStartChance.name, () => {
  it('is highest only after a recent reading at or above the threshold', () => {
    const at = (ldl: number, daysAgo: number): number => statinStartChance({ ldl, day: AS_OF - daysAgo }, YEAR, AS_OF);
    const none = statinStartChance(null, YEAR, AS_OF);
    expect(at(100, PROMPT_WINDOW_DAYS)).toBeGreaterThan(none);
    expect(at(99, 10)).toBeLessThan(none);
    expect(at(160, PROMPT_WINDOW_DAYS + 1)).toBeLessThan(none);
    expect(statinStartChance({ ldl: 160, day: dayNumber(YEAR - 1, 12, 20) }, YEAR, AS_OF)).toBe(none);
  });
});

describe(writeLipidPanel.name, () => {
  const starters = panels(true, 20_000);
  const others = panels(false, 20_000);

  it('dates every panel on or before the as-of date, with a plausible LDL', () => {
    const all = [...starters, ...others].filter((panel) => panel !== null);
    expect(all.filter((panel) => panel.day > AS_OF || panel.ldl < 30 || panel.ldl > 400)).toEqual([]);
  });

  it('shows a recent high reading far more often before a statin start than without one', () => {
    expect(shareOf(starters, promptingReading)).toBeGreaterThan(4 * shareOf(others, promptingReading));
    const olderHigh = (panel: { ldl: number; day: number } | null): boolean =>
      panel !== null && panel.ldl >= LDL_ACTION_THRESHOLD && !promptingReading(panel) && panel.day >= dayNumber(YEAR, 1, 1);
    expect(shareOf(others, olderHigh)).toBeGreaterThan(shareOf(starters, olderHigh));
  });

  it('draws treated readings lower, whatever the outcome', () => {
    const statin = { fills: 3, days_covered: 150, pdc_to_date: 0.9, ninety_day_fills: 0, mail_order: false };
    const treated = panels(false, 5_000, () => aMember({ diagnoses: { diabetes: true }, pharmacy: { statin } }));
    const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1];
    const ldl = (list: typeof treated): number[] => list.filter((panel) => panel !== null).map((panel) => panel.ldl);
    expect(median(ldl(treated))).toBeLessThan(95);
    expect(median(ldl(starters))).toBeGreaterThan(105);
  });
});
