import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { receivedAtEdge } from 'src/common/phi/testing/received-at-edge';
import { validateDto } from 'src/common/validation/compiled-validator';
import { VALIDATOR_OPTIONS } from 'src/common/validation/validation-pipe-options';
import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { MemberRecordDto } from 'src/modules/members/dto/member-record.dto';
import { memberRecordValidator } from 'src/modules/members/dto/member-record.validator';
import { generatePopulation } from 'src/modules/members/synthetic/generate-population';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { fmt, out, runBench } from './bench-app';

/** µs per member for class-validator vs the compiled validator, sequential, no HTTP and no app. */
const MEMBERS = 10_000;
const ROUNDS = 5;
// As the global pipe and the batch route run class-validator.

type Plain = Record<string, unknown>;

interface Contender {
  label: string;
  members: readonly Plain[];
  validate: (member: Plain) => unknown;
}

/** Best of ROUNDS passes over every member, in µs per member; contenders take turns, so a busy machine slows all alike. */
function bestOf(contenders: readonly Contender[]): number[] {
  const best = contenders.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < ROUNDS; round++) {
    contenders.forEach(({ members, validate }, i) => {
      const started = process.hrtime.bigint();
      for (const member of members) validate(member);
      best[i] = Math.min(best[i], Number(process.hrtime.bigint() - started) / 1e3 / members.length);
    });
  }
  return best;
}

function row(label: string, microseconds: number): void {
  out(`  ${label.padEnd(52)} ${fmt(microseconds, 2).padStart(8)} µs   (${fmt((microseconds * MEMBERS) / 1e3, 0)} ms per ${MEMBERS.toLocaleString('en-US')})`);
}

runBench(async () => {
  const catalogue = loadMeasureCatalogue(2026);
  const population = generatePopulation({ members: MEMBERS, seed: 11, plan: PlanArchetype.ThreeAndHalfStar, catalogue });
  const valid = population.members.map(({ member }) => receivedAtEdge<object>(member) as Plain);
  // One bad field each, so every member takes the class-validator fallback.
  const invalid = valid.map((member) => ({ ...member, sex: 'X' }));
  const accepted = valid.filter((member) => memberRecordValidator.accepts(member)).length;
  if (accepted !== valid.length) throw new Error(`the compiled validator rejected ${valid.length - accepted} valid members`);

  const classValidator = (member: Plain) => validateSync(plainToInstance(MemberRecordDto, member), VALIDATOR_OPTIONS);
  const compiledThenFallback = (member: Plain) => validateDto(memberRecordValidator, member);
  const contenders: Contender[] = [
    { label: 'plainToInstance only', members: valid, validate: (member) => plainToInstance(MemberRecordDto, member) },
    { label: 'class-validator (plainToInstance + validateSync)', members: valid, validate: classValidator },
    { label: 'compiled (Ajv)', members: valid, validate: (member) => memberRecordValidator.accepts(member) },
    { label: 'compiled then fallback, valid members', members: valid, validate: compiledThenFallback },
    { label: 'class-validator, invalid members', members: invalid, validate: classValidator },
    { label: 'compiled then fallback, invalid members', members: invalid, validate: compiledThenFallback },
  ];
  out(`Member validation, ${MEMBERS.toLocaleString('en-US')} synthetic members, sequential, best of ${ROUNDS} rounds (µs per member)`);
  bestOf(contenders).forEach((microseconds, i) => row(contenders[i].label, microseconds));
});
