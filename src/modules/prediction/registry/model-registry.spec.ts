import { validateEnvironment } from 'src/config/environment';
import { MEASURE_CODES } from 'src/modules/measures/measure-code';
import { ModelRegistry } from 'src/modules/prediction/registry/model-registry';

describe(ModelRegistry.name, () => {
  it('releases its sessions once when shutdown runs twice (a signal during app.close())', async () => {
    const registry = new ModelRegistry(validateEnvironment({ MODELS_DIR: './models' }));
    await registry.onModuleInit();
    const release = jest.spyOn(registry.get(MEASURE_CODES[0]).scorer, 'release');

    await expect(Promise.all([registry.onApplicationShutdown(), registry.onApplicationShutdown()])).resolves.toEqual([
      undefined,
      undefined,
    ]);
    await expect(registry.onApplicationShutdown()).resolves.toBeUndefined();
    expect(release).toHaveBeenCalledTimes(1);
  });
});
