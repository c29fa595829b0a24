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
  const members = wholeNumber('--members', values.members, DEMO_MEMBERS, 1, 1_000_000);
  const seed = wholeNumber('--seed', values.seed, DEMO_SEED, 0, 2 ** 32 - 1);
  const plan = (values.plan ?? PlanArchetype.ThreeAndHalfStar) as PlanArchetype;
  if (!Object.values(PlanArchetype).includes(plan)) {
    throw new Error(`--plan must be one of ${Object.values(PlanArchetype).join(', ')}, not "${plan}"\n${USAGE}`);
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

/** Digits only: Number() would also take "0x10", "1e3" or " 7 ". */
function wholeNumber(option: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) throw new Error(`${option} must be a whole number from ${min} to ${max}, not "${text}"\n${USAGE}`);
  return value;
}
