import { MeasureCatalogue } from 'src/modules/measures/measure';
import { byMeasure, MEASURE_CODES, MeasureCode, measureKey } from 'src/modules/measures/measure-code';
import { evaluateEligibility } from 'src/modules/members/eligibility';
import { EligibilityStatus } from 'src/modules/members/eligibility-status';
import { dayNumber, parseIsoDate, yearEndDay, yearStartDay } from 'src/modules/members/member-dates';
import { MemberRecord } from 'src/modules/members/member-record';
import { assembleRecord } from 'src/modules/members/synthetic/assemble-record';
import { driverInputsOf, drawPharmacyPlan, PharmacyPlan, YearDays } from 'src/modules/members/synthetic/draw-pharmacy';
import { drawPerson, Person } from 'src/modules/members/synthetic/draw-person';
import { driverScore, MEASURE_FAMILY } from 'src/modules/members/synthetic/drivers';
import { drawPriorYear, writeCareHistory } from 'src/modules/members/synthetic/history-phase';
import { drawAllOutcomes, OutcomeTables } from 'src/modules/members/synthetic/outcome-phase';
import { PDC_MEASURE, simulatePharmacy } from 'src/modules/members/synthetic/pharmacy-phase';
import { PLAN_PROFILES, PlanArchetype, targetRate } from 'src/modules/members/synthetic/plan-archetype';
import { Random, streamSeed } from 'src/modules/members/synthetic/random';
import { SyntheticMember, syntheticMemberId } from 'src/modules/members/synthetic/synthetic-member';

export interface PopulationOptions {
  members: number;
  seed: number;
  plan: PlanArchetype;
  catalogue: MeasureCatalogue;
  /** Defaults to the catalogue's Star year: a plan working this year's gaps against this year's cut points. */
  measurementYear?: number;
  /** Defaults to 30 June of the measurement year. */
  asOfDate?: string;
}

export interface Population {
  measurementYear: number;
  asOfDate: string;
  targets: Record<MeasureCode, number>;
  members: SyntheticMember[];
}

enum Stream {
  Person = 1,
  Habit = 2,
  Outcome = 3,
  PriorYear = 4,
  CareHistory = 5,
}
const M = MEASURE_CODES.length;
/** Weight of the unobserved, measure-specific habit; the shared engagement carries the same weight. */
const HABIT_WEIGHT = 0.9;

/** A reproducible synthetic population: the same options always give the same members, byte for byte. */
export function generatePopulation(options: PopulationOptions): Population {
  const year = options.measurementYear ?? options.catalogue.star_year;
  const asOfDate = options.asOfDate ?? `${year}-06-30`;
  const asOf = parseIsoDate(asOfDate);
  if (asOf === null || asOf < yearStartDay(year) || asOf > yearEndDay(year)) {
    throw new RangeError('asOfDate must be a date within the measurement year');
  }
  if (!Number.isInteger(options.members) || options.members < 1) {
    throw new RangeError('members must be a positive integer');
  }
  const days: YearDays = { yearStart: dayNumber(year, 1, 1), yearEnd: yearEndDay(year), asOf };
  const targets = byMeasure((code) => targetRate(measureOf(options.catalogue, code), options.plan));
  const profile = PLAN_PROFILES[options.plan];
  const seed = options.seed >>> 0;
  const n = options.members;

  const persons: Person[] = [];
  const pharmacy: PharmacyPlan[] = [];
  for (let i = 0; i < n; i += 1) {
    const rng = new Random(streamSeed(seed, Stream.Person, i));
    persons.push(drawPerson(rng, profile, year, asOf));
    pharmacy.push(drawPharmacyPlan(rng, persons[i], profile, days, { seed, index: i }));
  }
  const bases = persons.map((person, i) => assembleRecord(person, pharmacy[i], {}, year, asOfDate));
  const fills = simulatePharmacy(pharmacy, bases, targets, days);
  const records = persons.map((person, i) => assembleRecord(person, pharmacy[i], fills[i], year, asOfDate));

  const tables = outcomeTables(records, persons, pharmacy, seed);
  drawAllOutcomes(tables, records.map((record, i) => ({ record, plan: pharmacy[i], ...days })), fills, targets);
  const priorUniforms = new Float64Array(n * M * 2);
  for (let i = 0; i < n; i += 1) {
    const rng = new Random(streamSeed(seed, Stream.PriorYear, i));
    for (let k = 0; k < M * 2; k += 1) priorUniforms[i * M * 2 + k] = rng.next();
  }
  drawPriorYear(records, tables, priorUniforms, targets);

  const members = records.map((record, i): SyntheticMember => {
    writeCareHistory(record, i, persons[i].age, tables, new Random(streamSeed(seed, Stream.CareHistory, i)), asOf);
    const labels: SyntheticMember['year_end_compliance'] = {};
    MEASURE_CODES.forEach((measure, m) => {
      if (tables.eligible[i * M + m]) labels[measureKey(measure)] = tables.closes[i * M + m] === 1;
    });
    return { member: { member_id: syntheticMemberId(seed, i), ...record }, year_end_compliance: labels };
  });
  return { measurementYear: year, asOfDate, targets, members };
}

function measureOf(catalogue: MeasureCatalogue, code: MeasureCode) {
  const measure = catalogue.measures.find((candidate) => candidate.code === code);
  if (!measure) throw new RangeError(`the catalogue has no ${code}`);
  return measure;
}

/** Eligibility from the real engine, plus each member's score and outcome uniform per measure. */
function outcomeTables(
  records: MemberRecord[],
  persons: Person[],
  pharmacy: PharmacyPlan[],
  seed: number,
): OutcomeTables {
  const n = records.length;
  const tables: OutcomeTables = {
    eligible: new Uint8Array(n * M),
    scores: new Float64Array(n * M),
    uniforms: new Float64Array(n * M),
    closes: new Uint8Array(n * M),
    intercepts: new Float64Array(M),
  };
  const pdcClass = new Map(Object.entries(PDC_MEASURE).map(([drugClass, measure]) => [measure, drugClass]));
  for (let i = 0; i < n; i += 1) {
    const habit = new Random(streamSeed(seed, Stream.Habit, i));
    const outcome = new Random(streamSeed(seed, Stream.Outcome, i));
    const inputs = driverInputsOf(persons[i], pharmacy[i]);
    const eligibility = evaluateEligibility(records[i]);
    MEASURE_CODES.forEach((measure, m) => {
      const cell = i * M + m;
      tables.eligible[cell] = eligibility[m].status === EligibilityStatus.Eligible ? 1 : 0;
      const fillPlan = pharmacy[i].fills[pdcClass.get(measure) as keyof PharmacyPlan['fills']];
      const latent = HABIT_WEIGHT * persons[i].engagement + HABIT_WEIGHT * habit.normal();
      tables.scores[cell] = fillPlan ? fillPlan.score : driverScore(inputs, MEASURE_FAMILY[measure]) + latent;
      tables.uniforms[cell] = outcome.next();
    });
  }
  return tables;
}
