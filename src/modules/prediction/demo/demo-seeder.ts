import { Injectable, Logger } from '@nestjs/common';
import { MemberHasher } from 'src/common/phi/member-hasher';
import { Environment } from 'src/config/environment';
import { MEASURE_CODES } from 'src/modules/measures/measure-code';
import { MeasuresService } from 'src/modules/measures/measures.service';
import { generatePopulation } from 'src/modules/members/synthetic/generate-population';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { HashedMember, PredictionPipeline } from 'src/modules/prediction/prediction-pipeline';
import { PredictionRepository } from 'src/modules/prediction/prediction.repository';

export const DEMO_MEMBERS = 5_000;
export const DEMO_SEED = 2026;
const CHUNK = 2_500;

export interface SeedResult {
  members: number;
  predictions: number;
  seconds: number;
}

/**
 * Scores a synthetic population (never real members) through the same pipeline as the API, so
 * the measure, portfolio and analytics routes have data to show at once.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly pipeline: PredictionPipeline,
    private readonly measures: MeasuresService,
    private readonly hasher: MemberHasher,
    private readonly predictions: PredictionRepository,
    private readonly env: Environment,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.predictions.count()) === 0;
  }

  /**
   * Seeds a newcomer's empty embedded database only: a database named by DATABASE_URL is the plan's
   * own and never gets synthetic members unasked. Null when it did nothing; `announce` runs first,
   * since scoring takes a while.
   */
  async seedOnFirstStart(members = DEMO_MEMBERS, announce: (members: number) => void = () => undefined): Promise<SeedResult | null> {
    if (this.env.DATABASE_URL || !(await this.isEmpty())) return null;
    announce(members);
    return this.seed(members);
  }

  async seed(members = DEMO_MEMBERS, seed = DEMO_SEED, plan = PlanArchetype.ThreeAndHalfStar): Promise<SeedResult> {
    const started = Date.now();
    const population = generatePopulation({ members, seed, plan, catalogue: this.measures.getCatalogue() });
    const hashed: HashedMember[] = population.members.map(({ member }) => ({ memberHash: this.hasher.hash(member.member_id), record: member }));
    let predictions = 0;
    for (const measure of MEASURE_CODES) {
      for (let from = 0; from < hashed.length; from += CHUNK) {
        const outcomes = await this.pipeline.run(measure, hashed.slice(from, from + CHUNK), 'demo-seed');
        predictions += outcomes.filter((o) => o.kind === 'predicted').length;
      }
    }
    const result = { members, predictions, seconds: (Date.now() - started) / 1000 };
    this.logger.log(result, 'Synthetic demo population scored');
    return result;
  }
}
