import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { readOnnxModel, withInputWidth } from 'src/modules/prediction/model/onnx-model-reader';
import { OnnxScorer } from 'src/modules/prediction/model/onnx-scorer';
import { createExplainer } from 'src/modules/prediction/model/shap-explainer';
import { LoadedModel } from 'src/modules/prediction/registry/loaded-model';
import { checkFileMetadata, manifestColumns } from 'src/modules/prediction/registry/model-compatibility';
import { ModelManifest, parseManifest } from 'src/modules/prediction/registry/model-manifest';

export class ModelLoadError extends Error {
  constructor(file: string, problem: string) {
    super(`Cannot load model ${file}: ${problem}`);
    this.name = 'ModelLoadError';
  }
}

const MODEL_TYPE_OF_KIND = { 'tree-ensemble': 'tree_ensemble', linear: 'linear' } as const;

/** Reads a manifest and maps its columns onto the measure's feature vector. */
function readManifest(file: string, measure: MeasureCode): { manifest: ModelManifest; columns: Int32Array } {
  if (!existsSync(file)) throw new ModelLoadError(file, 'file not found');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ModelLoadError(file, `not valid JSON (${(error as Error).message})`);
  }
  try {
    const manifest = parseManifest(raw);
    return { manifest, columns: manifestColumns(measure, manifest) };
  } catch (error) {
    throw new ModelLoadError(file, (error as Error).message);
  }
}

/**
 * Loads, checks and warms up one measure's model from `<modelsDir>/<CODE>/`. The manifest must fit
 * the running feature builder, and the ONNX file must agree with it (type, input width, its own
 * metadata); every problem names the file.
 */
export async function loadModel(modelsDir: string, measure: MeasureCode): Promise<LoadedModel> {
  const folder = resolve(modelsDir, measure);
  const manifestFile = join(folder, 'manifest.json');
  const { manifest, columns } = readManifest(manifestFile, measure);
  const onnxFile = join(folder, manifest.onnx_file);
  if (!existsSync(onnxFile)) throw new ModelLoadError(onnxFile, 'file not found');
  const bytes = new Uint8Array(readFileSync(onnxFile));
  try {
    const read = readOnnxModel(bytes);
    if (MODEL_TYPE_OF_KIND[read.kind] !== manifest.model_type) {
      throw new Error(`the manifest says ${manifest.model_type} but the file holds a ${MODEL_TYPE_OF_KIND[read.kind]} model`);
    }
    const model = withInputWidth(read, manifest.feature_names.length);
    if (!model) {
      const takes = read.kind === 'tree-ensemble' && !read.widthDeclared ? `splits on ${read.nFeatures}` : `takes ${read.nFeatures}`;
      throw new Error(`the model ${takes} features but the manifest names ${manifest.feature_names.length}`);
    }
    if (model.kind === 'linear' && manifest.reference_means?.length !== model.nFeatures) {
      throw new Error(`a linear model needs reference_means with ${model.nFeatures} values in its manifest`);
    }
    checkFileMetadata(manifest, model.metadata);
    const explainer = createExplainer(model, { referenceMeans: manifest.reference_means });
    const scorer = await OnnxScorer.create(bytes, model);
    await scorer.warmUp();
    return { measureCode: measure, manifest, model, scorer, explainer, columns };
  } catch (error) {
    if (error instanceof ModelLoadError) throw error;
    throw new ModelLoadError(onnxFile, (error as Error).message);
  }
}
