import { measureStars } from 'src/modules/analytics/star-rating/measure-stars';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { catalogueCutPointRule, cutPointRuleOf, starPosition } from 'src/modules/measures/star-position';

// COL 2026: 2 stars at 48, 3 at 60, 4 at 70, 5 at 78.
const col = cutPointRuleOf({ two_star: 48, three_star: 60, four_star: 70, five_star: 78 }, true);

describe(starPosition.name, () => {
  it('is null when no member is eligible', () => {
    expect(starPosition(0, 0, col)).toBeNull();
  });

  it('counts the members to the next cut point with CMS whole-percent rounding', () => {
    // 650/1000 = 65 % -> 3 stars; 69.5 % rounds to 70, so 695 compliant members earn 4 stars.
    const position = starPosition(650, 1000, col)!;
    expect(position).toMatchObject({ stars: 3, roundedScore: 65, nextCutPoint: 70, cutPointBelow: 60 });
    expect(position.membersToNextCutPoint).toBe(45);
    expect(measureStars((100 * 694) / 1000, col)).toBe(3);
    expect(measureStars((100 * 695) / 1000, col)).toBe(4);
  });

  it('counts the margin above the cut point below', () => {
    // 59.5 % still rounds to 60: 595 members keep 3 stars, so 55 of 650 can be lost.
    expect(starPosition(650, 1000, col)!.marginMembers).toBe(55);
  });

  it('has no next cut point at 5 stars and no floor at 1 star', () => {
    expect(starPosition(90, 100, col)).toMatchObject({ stars: 5, nextCutPoint: null, membersToNextCutPoint: null });
    expect(starPosition(10, 100, col)).toMatchObject({ stars: 1, cutPointBelow: null, marginMembers: null });
    expect(starPosition(10, 100, col)!.membersToNextCutPoint).toBe(38); // 47.5 % rounds to 48
  });

  it('accepts a fractional expected count from predictions', () => {
    const position = starPosition(694.6, 1000, col)!; // 69.46 % rounds to 69
    expect(position.stars).toBe(3);
    expect(position.membersToNextCutPoint).toBe(1);
    expect(position.marginMembers).toBe(99); // 595.6 -> 59.56 % rounds to 60; 594.6 rounds to 59
  });

  it('handles tiny denominators where one member moves several percent', () => {
    const position = starPosition(2, 3, col)!; // 66.67 % -> 3 stars; 3 of 3 is 100 %
    expect(position).toMatchObject({ stars: 3, membersToNextCutPoint: 1, marginMembers: 0 });
  });

  it('refuses lower-is-better measures, whose score is not a compliance rate', () => {
    const readmissions = cutPointRuleOf({ two_star: 12, three_star: 10, four_star: 9, five_star: 7 }, false);
    expect(() => starPosition(1, 10, readmissions)).toThrow(RangeError);
  });
});

describe(catalogueCutPointRule.name, () => {
  const method = loadStarMethod(2026);
  const catalogue = loadMeasureCatalogue(2026);

  it.each(catalogue.measures.map((measure) => [measure.code, measure] as const))(
    '%s matches the rating method file, MA-PD and PDP',
    (_code, measure) => {
      const fromMethod = method.measureCutPoints.get(measure.cms_id)!;
      expect(catalogueCutPointRule(measure)).toEqual(fromMethod.maPd);
      expect(catalogueCutPointRule(measure, true)).toEqual(fromMethod.pdp ?? fromMethod.maPd);
    },
  );

  it('uses the PDP cut points only for Part D measures', () => {
    const bcs = catalogue.measures.find((measure) => measure.code === MeasureCode.Bcs)!;
    expect(catalogueCutPointRule(bcs, true)).toEqual(catalogueCutPointRule(bcs));
  });
});
