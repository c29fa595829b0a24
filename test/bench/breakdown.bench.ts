import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MemberHasher } from 'src/common/phi/member-hasher';
import { VALIDATOR_OPTIONS } from 'src/common/validation/validation-pipe-options';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { MemberRecordDto } from 'src/modules/members/dto/member-record.dto';
import { eligibilityFor } from 'src/modules/members/eligibility';
import { buildFeatures } from 'src/modules/members/features';
import { aMember } from 'src/modules/members/testing/member-record.fixture';
import { AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { PredictionPipeline } from 'src/modules/prediction/prediction-pipeline';
import { PredictionEngine } from 'src/modules/prediction/scoring/prediction-engine';
import { fmt, out, percentile, runBench, startBenchApp } from './bench-app';

/** Where the time of one sequential single-member prediction goes, stage by stage (no HTTP). */
async function time(label: string, n: number, fn: (i: number) => unknown): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = process.hrtime.bigint();
    await fn(i);
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  out(`  ${label.padEnd(34)} p50 ${fmt(percentile(ms, 50))} ms  p95 ${fmt(percentile(ms, 95))} ms`);
}

runBench(async () => {
  const bench = await startBenchApp();
  const hasher = bench.app.get(MemberHasher);
  const plain = { member_id: hasher.hash('BENCH-1'), ...aMember() };
  const record = plainToInstance(MemberRecordDto, plain);
  const engine = bench.app.get(PredictionEngine);
  const pipeline = bench.app.get(PredictionPipeline);
  const writer = bench.app.get(AuditLogWriter);
  const vector = buildFeatures(record, MeasureCode.Col);
  out(`Single prediction, stage by stage (${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}), 500 sequential runs each`);
  await time('plainToInstance + validateSync', 500, () => validateSync(plainToInstance(MemberRecordDto, plain), VALIDATOR_OPTIONS));
  await time('eligibility + features', 500, () => [eligibilityFor(record, MeasureCode.Col), buildFeatures(record, MeasureCode.Col)]);
  await time('onnxruntime + SHAP (1 row)', 500, () => engine.score(MeasureCode.Col, [vector]));
  await time('pipeline incl. prediction write', 500, () => pipeline.run(MeasureCode.Col, [{ memberHash: plain.member_id, record }], 'bench'));
  const row = { eventType: 'http.request', apiKeyHash: 'x', keyPrefix: null, role: null, endpoint: '/bench', method: 'POST', statusCode: 201, responseTimeMs: 1, timestamp: new Date(), requestId: 'r', clientAddress: '127.0.0.1', memberHashes: [plain.member_id], details: null };
  await time('durable audit append', 200, () => writer.appendDurable({ ...row, timestamp: new Date() }));
  await bench.close();
});
