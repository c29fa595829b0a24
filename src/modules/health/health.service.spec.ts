import { TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import { ServiceUnavailableError } from 'src/common/errors/domain-error';
import { Environment } from 'src/config/environment';
import { HealthService } from 'src/modules/health/health.service';
import { ModelRegistry } from 'src/modules/prediction/registry/model-registry';

describe(HealthService.name, () => {
  async function serviceWith(loaded: number): Promise<HealthService> {
    const moduleRef = await Test.createTestingModule({
      imports: [TerminusModule.forRoot({ logger: false })],
      providers: [
        HealthService,
        { provide: TypeOrmHealthIndicator, useValue: { pingCheck: async () => ({ database: { status: 'up' } }) } },
        { provide: Environment, useValue: { HEALTH_DB_TIMEOUT_MS: 100 } },
        { provide: ModelRegistry, useValue: { loadedCount: loaded, expectedCount: 12 } },
      ],
    }).compile();
    return moduleRef.get(HealthService);
  }

  it('is ready when the database answers and all 12 models are loaded', async () => {
    await expect((await serviceWith(12)).ready()).resolves.toMatchObject({ status: 'ok', checks: { models: { status: 'up' } } });
  });

  it('is not ready, naming the models check, until all 12 are loaded', async () => {
    const service = await serviceWith(11);
    await expect(service.ready()).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(service.ready()).rejects.toThrow('Not ready; failing checks: models.');
  });
});
