import { ageAtYearEnd, dayNumber, isoDate, parseIsoDate } from 'src/modules/members/member-dates';

describe(parseIsoDate.name, () => {
  it('agrees with Date.UTC on every day from 1900 to 2100', () => {
    const mismatches: number[] = [];
    for (let day = dayNumber(1900, 1, 1); day <= dayNumber(2100, 12, 31); day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (isoDate(day) !== iso || parseIsoDate(iso) !== day) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
    expect(dayNumber(1970, 1, 1)).toBe(0);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-1', ''])(
    'rejects %j',
    (value) => {
      expect(parseIsoDate(value)).toBeNull();
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(parseIsoDate('2024-02-29')).toBe(dayNumber(2024, 2, 29));
    expect(parseIsoDate('2000-02-29')).not.toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull();
  });
});

describe(ageAtYearEnd.name, () => {
  it('is the difference in calendar years', () => {
    expect(ageAtYearEnd('1954-12-31', 2026)).toBe(72);
    expect(ageAtYearEnd('1954-01-01', 2026)).toBe(72);
  });
});
