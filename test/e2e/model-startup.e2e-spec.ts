import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppModule } from 'src/app.module';
import { configureApp, createFastifyAdapter, NEST_APP_OPTIONS } from 'src/app.setup';
import { validateEnvironment } from 'src/config/environment';
import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import * as loader from 'src/modules/prediction/registry/model-loader';
import { ModelRegistry } from 'src/modules/prediction/registry/model-registry';
import { newDataDir } from 'test/utils/test-app';
import { testDatabaseUrl } from 'test/utils/test-database';

const COMMITTED_MODELS = resolve(__dirname, '..', '..', 'models');
const TEST_SECRET = 'test-only-secret-0123456789abcdef0123456789';

/**
 * Start-up as main.ts runs it (NestFactory, configureApp, listen), with MODELS_DIR pointing at a copy
 * of the committed models. The registry loads in onModuleInit, which app.listen() runs before it binds
 * the port: a model that fails to load fails start-up before anything is served, and no request can
 * reach /health/ready while only some models are loaded.
 */
describe('Model start-up (e2e)', () => {
  let dataDir: string;
  let modelsDir: string;
  let app: NestFastifyApplication | undefined;

  beforeAll(() => (dataDir = newDataDir()));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeEach(() => {
    modelsDir = mkdtempSync(join(tmpdir(), 'hedis-models-'));
    cpSync(COMMITTED_MODELS, modelsDir, { recursive: true });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await app?.close();
    app = undefined;
    rmSync(modelsDir, { recursive: true, force: true });
  });

  async function createApp(): Promise<NestFastifyApplication> {
    const databaseUrl = testDatabaseUrl();
    const env = validateEnvironment({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      MODELS_DIR: modelsDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, DB_POOL_SIZE: '5', PHI_HASH_KEY: TEST_SECRET, AUDIT_CHECKPOINT_KEY: TEST_SECRET } : {}),
    });
    const created = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), createFastifyAdapter(env), {
      ...NEST_APP_OPTIONS,
      logger: false,
    });
    await configureApp(created, env);
    return created;
  }

  const modelFile = (measure: MeasureCode, file: string) => join(modelsDir, measure, file);

  describe('a broken model stops start-up, naming the file and the problem', () => {
    it.each<[string, () => void, () => string]>([
      [
        'a corrupted model.onnx',
        () => writeFileSync(modelFile(MeasureCode.Gsd, 'model.onnx'), 'this is not an onnx model\n'),
        () => `Cannot load model ${modelFile(MeasureCode.Gsd, 'model.onnx')}: Not an ONNX model: invalid wire type 6 at offset 14.`,
      ],
      [
        'a manifest without risk-tier thresholds',
        () => {
          const file = modelFile(MeasureCode.PdcSta, 'manifest.json');
          const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
          delete manifest.risk_tier_thresholds;
          writeFileSync(file, JSON.stringify(manifest));
        },
        () =>
          `Cannot load model ${modelFile(MeasureCode.PdcSta, 'manifest.json')}: ` +
          'risk_tier_thresholds: risk_tier_thresholds must be an object',
      ],
      [
        'a missing manifest',
        () => unlinkSync(modelFile(MeasureCode.Supd, 'manifest.json')),
        () => `Cannot load model ${modelFile(MeasureCode.Supd, 'manifest.json')}: file not found`,
      ],
    ])('%s', async (_label, breakModel, message) => {
      breakModel();
      const port = await freePort();
      app = await createApp();

      const startUp = app.listen(port, '127.0.0.1');
      await expect(startUp).rejects.toBeInstanceOf(loader.ModelLoadError);
      await expect(startUp).rejects.toMatchObject({ message: message() });
      await expect(probe(`http://127.0.0.1:${port}/health/live`)).resolves.toBe('ECONNREFUSED');
    });
  });

  it('binds its port only once all 12 models are loaded, so /health/ready answers 200 from the first request', async () => {
    const last = MEASURE_CODES[MEASURE_CODES.length - 1];
    const loadModel = loader.loadModel;
    let lastModelStarted!: () => void;
    let releaseLastModel!: () => void;
    const atLastModel = new Promise<void>((done) => (lastModelStarted = done));
    const gate = new Promise<void>((open) => (releaseLastModel = open));
    jest.spyOn(loader, 'loadModel').mockImplementation(async (dir: string, measure: MeasureCode) => {
      if (measure === last) {
        lastModelStarted();
        await gate;
      }
      return loadModel(dir, measure);
    });
    const port = await freePort();
    app = await createApp();
    const registry = app.get(ModelRegistry);
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;

    const startUp = app.listen(port, '127.0.0.1');
    await atLastModel;
    // Observed, then asserted once start-up has finished, so a failing expectation cannot leave it hanging.
    const whileLoading = { loaded: registry.loadedCount, readyProbe: await probe(url('/health/ready')) };
    releaseLastModel();
    await startUp;
    expect(whileLoading).toEqual({ loaded: 11, readyProbe: 'ECONNREFUSED' });
    const ready = await fetch(url('/health/ready'));
    expect(ready.status).toBe(200);
    await expect(ready.json()).resolves.toEqual({
      status: 'ok',
      checks: { database: { status: 'up' }, models: { status: 'up', loaded: 12, expected: 12 } },
    });
  });
});

/** The status code, or the connection error's code when nothing answers. */
function probe(url: string): Promise<number | string> {
  return fetch(url).then(
    (response) => response.status,
    (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
  );
}

/** A port nothing listens on at the moment of asking. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}
