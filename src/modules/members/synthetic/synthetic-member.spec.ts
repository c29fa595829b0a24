import { receivedAtEdge } from 'src/common/phi/testing/received-at-edge';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationErrorsToFields } from 'src/common/validation/validation-errors';
import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { MemberRecordDto } from 'src/modules/members/dto/member-record.dto';
import { buildFeatureVectors } from 'src/modules/members/features';
import { generatePopulation, Population } from 'src/modules/members/synthetic/generate-population';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { syntheticMemberId } from 'src/modules/members/synthetic/synthetic-member';

describe('SyntheticMember', () => {
  let population: Population;

  beforeAll(() => {
    const catalogue = loadMeasureCatalogue(2026);
    population = generatePopulation({ members: 2000, seed: 3, plan: PlanArchetype.ThreeStar, catalogue });
  });

  it('writes records the API would accept, field for field', () => {
    const problems = population.members.flatMap(({ member }) => {
      // A JSON round trip plus the edge's member-id hashing is exactly what an HTTP body becomes.
      const dto = plainToInstance(MemberRecordDto, receivedAtEdge(member));
      const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
      return validationErrorsToFields(errors).map((error) => `${member.member_id} ${error.field}: ${error.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('dates nothing after the as-of date', () => {
    const late = population.members.filter(({ member }) =>
      JSON.stringify(member)
        .match(/\d{4}-\d{2}-\d{2}/g)
        ?.some((date) => date > member.as_of_date),
    );
    expect(late.map(({ member }) => member.member_id)).toEqual([]);
  });

  it('yields finite feature vectors for every member', () => {
    const bad = population.members.filter(({ member }) =>
      buildFeatureVectors(member).some((vector) => !vector.values.every(Number.isFinite)),
    );
    expect(bad).toEqual([]);
  });

  it('numbers synthetic ids by seed and position', () => {
    expect(population.members[0].member.member_id).toBe(syntheticMemberId(3, 0));
    expect(syntheticMemberId(42, 99_999)).toBe('SYN-42-0100000');
  });
});
