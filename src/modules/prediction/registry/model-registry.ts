import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Environment } from 'src/config/environment';
import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { LoadedModel } from 'src/modules/prediction/registry/loaded-model';
import { loadModel } from 'src/modules/prediction/registry/model-loader';

/**
 * Every measure's model, loaded and warmed up at start-up (one onnxruntime session each). A missing
 * or malformed model stops start-up with an error naming the file and the problem.
 */
@Injectable()
export class ModelRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ModelRegistry.name);
  private readonly models = new Map<MeasureCode, LoadedModel>();
  private released?: Promise<void>;

  constructor(private readonly env: Environment) {}

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    for (const measure of MEASURE_CODES) {
      this.models.set(measure, await loadModel(this.env.MODELS_DIR, measure));
    }
    const versions = [...this.models.values()].map((m) => m.manifest.model_version).join(', ');
    this.logger.log(`Loaded ${this.models.size} models in ${Date.now() - started} ms: ${versions}`);
  }

  /**
   * Releases each session once. Nest runs this hook on every close: a shutdown signal arriving while
   * app.close() is under way runs it twice, and a second release throws "Session already disposed".
   */
  onApplicationShutdown(): Promise<void> {
    this.released ??= Promise.all([...this.models.values()].map((m) => m.scorer.release())).then(() => undefined);
    return this.released;
  }

  get loadedCount(): number {
    return this.models.size;
  }

  get expectedCount(): number {
    return MEASURE_CODES.length;
  }

  /** The model for a measure; every measure has one once start-up has finished. */
  get(measure: MeasureCode): LoadedModel {
    const model = this.models.get(measure);
    if (!model) throw new Error(`No model loaded for ${measure}`);
    return model;
  }
}
