import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppModule } from 'src/app.module';
import { validateEnvironment } from 'src/config/environment';
import { runCli } from 'src/database/cli-data-source';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { DEMO_MEMBERS, DEMO_SEED, DemoSeeder } from 'src/modules/prediction/demo/demo-seeder';

const USAGE = 'Usage: npm run seed -- [--members 5000] [--seed 2026] [--plan 3|3.5|4|4.5-star]';

/** Scores a synthetic population into whichever database the service uses (embedded or DATABASE_URL). */
runCli(async () => {
  const { values } = parseArgs({ options: { members: { type: 'string' }, seed: { type: 'string' }, plan: { type: 'string' } } });
  const members = Number(values.members ?? DEMO_MEMBERS);
  const seed = Number(values.seed ?? DEMO_SEED);
  const plan = (values.plan ?? PlanArchetype.ThreeAndHalfStar) as PlanArchetype;
  if (!Number.isInteger(members) || members < 1 || members > 1_000_000 || !Number.isInteger(seed) || !Object.values(PlanArchetype).includes(plan)) {
    throw new Error(USAGE);
  }
  const env = validateEnvironment({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env), { logger: false });
  try {
    const result = await app.get(DemoSeeder).seed(members, seed, plan);
    process.stdout.write(`Scored ${result.members} synthetic members: ${result.predictions} predictions in ${result.seconds.toFixed(1)} s\n`);
  } finally {
    await app.close();
  }
});
