import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { MEASURE_CODES, measureKey } from 'src/modules/measures/measure-code';
import { eligibleMeasures } from 'src/modules/members/eligibility';
import { buildFeatures, FEATURE_NAMES } from 'src/modules/members/features';
import { generatePopulation } from 'src/modules/members/synthetic/generate-population';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { buildMeasureDataset, GAP_CLOSED, GAP_OPEN } from 'src/modules/prediction/training/measure-dataset';

describe(buildMeasureDataset.name, () => {
  const { members } = generatePopulation({
    members: 800,
    seed: 5,
    plan: PlanArchetype.ThreeAndHalfStar,
    catalogue: loadMeasureCatalogue(2026),
  });

  it.each(MEASURE_CODES)('%s: one row per eligible member, labelled 1 when the gap stays open', (measure) => {
    const dataset = buildMeasureDataset(members, measure);
    const eligible = members.filter((line) => eligibleMeasures(line.member).includes(measure));
    expect(dataset.rows).toHaveLength(eligible.length);
    expect(dataset.featureNames).toEqual(FEATURE_NAMES[measure]);
    dataset.memberIndex.forEach((index, row) => {
      const line = members[index];
      const closed = line.year_end_compliance[measureKey(measure)];
      expect(dataset.labels[row]).toBe(closed ? GAP_CLOSED : GAP_OPEN);
      expect(Array.from(dataset.rows[row])).toEqual(buildFeatures(line.member, measure).values);
    });
  });

  it('has both open and closed gaps on a common measure', () => {
    const { labels } = buildMeasureDataset(members, MEASURE_CODES[1]);
    const open = labels.reduce((sum, label) => sum + label, 0);
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(labels.length);
  });
});
