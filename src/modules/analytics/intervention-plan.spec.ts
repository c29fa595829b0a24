import { applyPlan, resolvePlan } from 'src/modules/analytics/intervention-plan';
import { testStates } from 'src/modules/analytics/testing/plan.fixture';
import { InterventionType } from 'src/modules/measures/measure';
import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { MeasureCode } from 'src/modules/measures/measure-code';

const catalogue = loadMeasureCatalogue(2026).measures;

describe(resolvePlan.name, () => {
  it("fills cost and closure rate from the catalogue's assumptions unless given", () => {
    const { resolved, invalid } = resolvePlan(
      catalogue,
      [
        { measureCode: MeasureCode.Col, intervention: InterventionType.MailedFitKit, members: 200 },
        { measureCode: MeasureCode.Bcs, intervention: InterventionType.OutreachCall, members: 10, unitCostCents: 900, closureRate: 0.1 },
      ],
      'plan',
    );
    expect(invalid).toEqual([]);
    expect(resolved[0]).toMatchObject({ unitCostCents: 2500, closureRate: 0.22, usesCatalogueAssumptions: true, costCents: 500_000 });
    expect(resolved[0].expectedClosures).toBeCloseTo(44, 10);
    expect(resolved[1]).toMatchObject({ usesCatalogueAssumptions: false, costCents: 9000, expectedClosures: 1 });
  });

  it('needs both figures for an intervention the catalogue has no default for on that measure', () => {
    const items = [{ measureCode: MeasureCode.Col, intervention: InterventionType.InHomeVisit, members: 5, unitCostCents: 15000 }];
    expect(resolvePlan(catalogue, items, 'plan').invalid).toEqual([
      { field: 'plan.0.intervention', message: expect.stringContaining('give unit_cost_cents and closure_rate') },
    ]);
  });
});

describe(applyPlan.name, () => {
  const states = testStates({ [MeasureCode.Col]: [650, 1000] });
  const col = { measureCode: MeasureCode.Col, intervention: InterventionType.MailedFitKit, unitCostCents: 0, usesCatalogueAssumptions: false, costCents: 0 };

  it('adds the expected closures of every line on a measure', () => {
    const plan = [
      { ...col, members: 100, closureRate: 0.2, expectedClosures: 20 },
      { ...col, members: 50, closureRate: 0.5, expectedClosures: 25 },
    ];
    const { states: after, notApplicable } = applyPlan(states, plan, 'plan');
    expect(notApplicable).toEqual([]);
    expect(after.find((state) => state.measure.code === MeasureCode.Col)).toMatchObject({ compliant: 695, rate: 0.695 });
    expect(states.find((state) => state.measure.code === MeasureCode.Col)!.compliant).toBe(650);
  });

  it('refuses to reach more members than have open gaps, or a measure without members', () => {
    const tooMany = applyPlan(states, [{ ...col, members: 351, closureRate: 0.1, expectedClosures: 35.1 }], 'plan');
    expect(tooMany.notApplicable).toEqual([{ field: 'plan', message: 'reaches 351 members on COL, which has 350 open gaps stored' }]);
    const empty = applyPlan(states, [{ ...col, measureCode: MeasureCode.Bcs, members: 1, closureRate: 0.1, expectedClosures: 0.1 }], 'plan');
    expect(empty.notApplicable[0].message).toBe('reaches 1 members on BCS, which has 0 open gaps stored');
  });
});
