import { InferenceSession, Tensor } from 'onnxruntime-node';
import { FeatureMatrix, toFloat32Batch } from 'src/modules/prediction/model/feature-matrix';
import { OnnxModelError } from 'src/modules/prediction/model/onnx-attributes';
import { OnnxModel, OnnxModelIo, readOnnxModel } from 'src/modules/prediction/model/onnx-model-reader';

/**
 * Each run executes on the libuv thread that onnxruntime-node already hands it to. By default every
 * session also starts its own intra-op pool whose threads spin between runs: on a 2-core host one
 * such thread took 60-78 % of a core while the server sat starved. Our trees are 0.05 ms per row, so
 * a pool buys nothing; concurrency comes from the libuv pool running several sessions at once.
 */
const SINGLE_THREADED: InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
};

/**
 * Scores batches with onnxruntime: a float32 `[batch, n_features]` input, and the positive-class
 * probability read from the output and column the reader located.
 */
export class OnnxScorer {
  private constructor(
    private readonly session: InferenceSession,
    readonly io: OnnxModelIo,
    readonly nFeatures: number,
  ) {}

  /** `model` is the reader's view of the same bytes; it is read again when not given. */
  static async create(bytes: Uint8Array, model: OnnxModel = readOnnxModel(bytes)): Promise<OnnxScorer> {
    const session = await InferenceSession.create(bytes, SINGLE_THREADED);
    if (!session.inputNames.includes(model.io.inputName) || !session.outputNames.includes(model.io.outputName)) {
      await session.release();
      throw new OnnxModelError(`onnxruntime does not see input '${model.io.inputName}' or output '${model.io.outputName}'.`);
    }
    return new OnnxScorer(session, model.io, model.nFeatures);
  }

  async predictProbabilities(rows: FeatureMatrix): Promise<Float64Array> {
    if (rows.length === 0) return new Float64Array(0);
    return this.predictFloat32(toFloat32Batch(rows, this.nFeatures), rows.length);
  }

  /** For callers that already hold a row-major float32 batch. */
  async predictFloat32(batch: Float32Array, nRows: number): Promise<Float64Array> {
    if (batch.length !== nRows * this.nFeatures) {
      throw new RangeError(`A batch of ${nRows} rows needs ${nRows * this.nFeatures} values, not ${batch.length}.`);
    }
    const input = new Tensor('float32', batch, [nRows, this.nFeatures]);
    const results = await this.session.run({ [this.io.inputName]: input }, [this.io.outputName]);
    const data = results[this.io.outputName].data;
    if (!(data instanceof Float32Array || data instanceof Float64Array)) {
      throw new OnnxModelError(`Output '${this.io.outputName}' is not a float tensor.`);
    }
    const width = data.length / nRows;
    if (!Number.isInteger(width) || width <= this.io.outputColumn) {
      throw new OnnxModelError(`Output '${this.io.outputName}' has no column ${this.io.outputColumn}.`);
    }
    const probabilities = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) probabilities[i] = data[i * width + this.io.outputColumn];
    return probabilities;
  }

  /** One throw-away run so the first real request does not pay for lazy initialisation. */
  async warmUp(): Promise<void> {
    await this.predictFloat32(new Float32Array(this.nFeatures), 1);
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
