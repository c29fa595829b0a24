import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { SchemaObject } from 'ajv';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, FieldError } from 'src/common/errors/domain-error';
import { receivedAtEdge } from 'src/common/phi/testing/received-at-edge';
import { CompiledValidationPipe } from 'src/common/validation/compiled-validation.pipe';
import { compileSchema, validateDto } from 'src/common/validation/compiled-validator';
import { validationErrorsToFields } from 'src/common/validation/validation-errors';
import { VALIDATION_PIPE_OPTIONS, VALIDATOR_OPTIONS } from 'src/common/validation/validation-pipe-options';
import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { MemberRecordDto } from 'src/modules/members/dto/member-record.dto';
import { memberDateKeyword, memberRecordValidator } from 'src/modules/members/dto/member-record.validator';
import { generatePopulation } from 'src/modules/members/synthetic/generate-population';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { Random } from 'src/modules/members/synthetic/random';
import { aMemberWithEveryField } from 'src/modules/members/testing/member-record.fixture';
import {
  applyMutations,
  combinedMutations,
  MEMBER_FIELDS,
  Plain,
  singleMutations,
} from 'src/modules/members/testing/member-record-mutations';

// As the batch route runs class-validator.
const KNOWN_STRICTER = /^extra ([a-z_]+\.)*(constructor|__proto__|toString|hasOwnProperty) = /;
const BODY: ArgumentMetadata = { type: 'body', metatype: MemberRecordDto, data: undefined };

interface Case {
  label: string;
  value: unknown;
}
type Outcome = { errors: FieldError[] } | { threw: string };

function outcomeOf(run: () => FieldError[]): Outcome {
  try {
    return { errors: run() };
  } catch (error) {
    return { threw: String(error) };
  }
}

const classValidatorOutcome = (value: object): Outcome =>
  outcomeOf(() => validationErrorsToFields(validateSync(plainToInstance(MemberRecordDto, value), VALIDATOR_OPTIONS)));

const combinedOutcome = (value: object): Outcome =>
  outcomeOf(() => {
    const checked = validateDto(memberRecordValidator, value);
    return checked.valid ? [] : checked.errors;
  });

interface ParityReport {
  accepted: number;
  /** Labels of cases the compiled check rejected although class-validator accepts them. */
  stricter: string[];
  violations: string[];
}

/** For every case: compiled "valid" ⇒ class-validator valid, and the combined function's outcome is class-validator's. */
function checkParity(cases: readonly Case[]): ParityReport {
  const report: ParityReport = { accepted: 0, stricter: [], violations: [] };
  for (const { label, value } of cases) {
    const compiled = memberRecordValidator.accepts(structuredClone(value));
    if (typeof value !== 'object' || value === null) {
      if (compiled) report.violations.push(`${label}: accepted a non-object`);
      continue;
    }
    const reference = classValidatorOutcome(structuredClone(value));
    const referenceValid = 'errors' in reference && reference.errors.length === 0;
    if (compiled) report.accepted += 1;
    if (compiled && !referenceValid) report.violations.push(`${label}: compiled accepts, class-validator says ${JSON.stringify(reference)}`);
    if (!compiled && referenceValid) report.stricter.push(label);
    const combined = combinedOutcome(structuredClone(value));
    if (JSON.stringify(combined) !== JSON.stringify(reference)) report.violations.push(`${label}: ${JSON.stringify(combined)} ≠ ${JSON.stringify(reference)}`);
  }
  return report;
}

/** Only the invariant, and class-validator only where it is at stake, for deliberately loosened checks. */
function invariantViolations(cases: readonly Case[], accepts: (value: unknown) => boolean): string[] {
  return cases
    .filter(({ value }) => accepts(structuredClone(value)))
    .filter(({ value }) => typeof value !== 'object' || value === null || JSON.stringify(classValidatorOutcome(structuredClone(value))) !== '{"errors":[]}')
    .map(({ label }) => label);
}

async function pipeOutcome(pipe: ValidationPipe, value: unknown): Promise<string> {
  try {
    return `accepted ${JSON.stringify(await pipe.transform(structuredClone(value), BODY))}`;
  } catch (error) {
    return error instanceof DomainError ? `${error.name} ${JSON.stringify(error.errors)}` : `threw ${String(error)}`;
  }
}

const atEdge = (member: object): Plain => receivedAtEdge({ member_id: 'M000123456', ...member });
const casesFrom = (base: Plain, name: string): Case[] =>
  singleMutations(base).map((mutation) => ({ label: `${name}: ${mutation.label}`, value: applyMutations(base, [mutation]) }));

describe('memberRecordValidator', () => {
  const population = generatePopulation({ members: 1_000, seed: 7, plan: PlanArchetype.ThreeAndHalfStar, catalogue: loadMeasureCatalogue(2026) });
  const synthetic = population.members.map(({ member }) => atEdge(member));
  const complete = atEdge(aMemberWithEveryField(2026));
  // Only dates depend on the year; 1895 is the earliest birth date class-validator allows for 2015.
  const early = atEdge({ ...aMemberWithEveryField(2015), birth_date: '1895-01-01' });
  const singles = [
    ...casesFrom(complete, 'complete 2026'),
    ...casesFrom(early, 'complete 2015').filter(({ label }) => /date|measurement_year/.test(label)),
  ];
  const random = new Random(2026);
  const combinations = synthetic.slice(0, 200).flatMap((base, i) =>
    combinedMutations(base, 15, random).map((mutations) => ({
      label: `synthetic #${i}: ${mutations.map((m) => m.label).join(' + ')}`,
      value: applyMutations(base, mutations),
    })),
  );

  it('accepts every synthetic member on the fast path', () => {
    expect(synthetic.filter((member) => !memberRecordValidator.accepts(member))).toEqual([]);
    const report = checkParity(synthetic.slice(0, 200).map((value, i) => ({ label: `synthetic #${i}`, value })));
    expect(report.violations).toEqual([]);
  });

  it('mutates every field the DTOs declare, optional ones included', () => {
    const mutated = new Set(singles.map(({ label }) => label.replace(/^[^:]+: (remove )?/, '').split(' = ')[0]));
    expect(MEMBER_FIELDS.map((field) => field.path.join('.')).filter((path) => !mutated.has(path))).toEqual([]);
    expect(mutated).toContain('service_history.last_ldl_value');
  });

  it('never accepts what class-validator rejects, and returns its errors, for every single mutation', () => {
    const report = checkParity(singles);
    expect(singles.length).toBeGreaterThan(4_000);
    expect(report.violations).toEqual([]);
    // Accepted probes (boundary dates and numbers, other enum values) show the check is not simply strict.
    expect(report.accepted).toBeGreaterThan(500);
    // The only inputs the compiled check rejects although class-validator accepts them (it then decides):
    // keys class-transformer drops before validation (`constructor`, `__proto__`, names of Object.prototype
    // methods).
    const unexpected = report.stricter.map((label) => label.replace(/^[^:]+: /, '')).filter((label) => !KNOWN_STRICTER.test(label));
    expect(unexpected).toEqual([]);
    expect(report.stricter.length).toBeGreaterThan(0);
  });

  it('agrees with class-validator on random combinations of mutations of synthetic members', () => {
    const report = checkParity(combinations);
    expect(combinations.length).toBe(3_000);
    expect(report.violations).toEqual([]);
  });

  it('makes the global pipe return or throw exactly what Nest\'s ValidationPipe does', async () => {
    const reference = new ValidationPipe(VALIDATION_PIPE_OPTIONS);
    const compiled = new CompiledValidationPipe([memberRecordValidator], VALIDATION_PIPE_OPTIONS);
    const sample = [
      ...singles.filter((_, i) => i % 8 === 0 || i < 7),
      ...combinations.filter((_, i) => i % 10 === 0),
      ...synthetic.slice(0, 50).map((value) => ({ label: 'valid', value })),
    ];
    const differences: string[] = [];
    for (const { label, value } of sample) {
      const [expected, actual] = [await pipeOutcome(reference, value), await pipeOutcome(compiled, value)];
      if (expected !== actual) differences.push(`${label}: ${actual} ≠ ${expected}`);
    }
    expect(differences).toEqual([]);
  });

  describe('the parity check itself', () => {
    const loosened = (reviver: (key: string, value: unknown) => unknown): ((value: unknown) => boolean) => {
      const check = compileSchema(JSON.parse(JSON.stringify(memberRecordValidator.schema), reviver) as SchemaObject, [memberDateKeyword]);
      return (value) => check(value);
    };
    const without = (dropped: string) => (key: string, value: unknown) => (key === dropped ? undefined : value);

    it.each([
      ['open objects', without('additionalProperties')],
      ['no required fields', without('required')],
      ['no maxima', without('maximum')],
      ['no date rule', without('memberDate')],
      ['numbers for integers', (_key: string, value: unknown) => (value === 'integer' ? 'number' : value)],
    ])('fails on a schema with %s', (_name, reviver) => {
      expect(invariantViolations(singles.filter((_, i) => i % 3 === 0), loosened(reviver)).length).toBeGreaterThan(0);
    });
  });
});
