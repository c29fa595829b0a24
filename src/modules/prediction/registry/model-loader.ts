import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { FEATURE_NAMES } from 'src/modules/members/features';
import { readOnnxModel } from 'src/modules/prediction/model/onnx-model-reader';
import { OnnxScorer } from 'src/modules/prediction/model/onnx-scorer';
import { createExplainer } from 'src/modules/prediction/model/shap-explainer';
import { LoadedModel } from 'src/modules/prediction/registry/loaded-model';
import { ModelManifest, parseManifest } from 'src/modules/prediction/registry/model-manifest';

export class ModelLoadError extends Error {
  constructor(file: string, problem: string) {
    super(`Cannot load model ${file}: ${problem}`);
    this.name = 'ModelLoadError';
  }
}

const MODEL_TYPE_OF_KIND = { 'tree-ensemble': 'tree_ensemble', linear: 'linear' } as const;

function readManifest(file: string): ModelManifest {
  if (!existsSync(file)) throw new ModelLoadError(file, 'file not found');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ModelLoadError(file, `not valid JSON (${(error as Error).message})`);
  }
  try {
    return parseManifest(raw);
  } catch (error) {
    throw new ModelLoadError(file, (error as Error).message);
  }
}

/** Maps the model's input columns onto the feature builder's vector, by name. */
function columnsFor(measure: MeasureCode, manifest: ModelManifest, file: string): Int32Array {
  const available = FEATURE_NAMES[measure];
  return Int32Array.from(manifest.feature_names, (name) => {
    const index = available.indexOf(name);
    if (index < 0) throw new ModelLoadError(file, `feature_names has "${name}", which the ${measure} feature builder does not produce`);
    return index;
  });
}

/**
 * Loads, checks and warms up one measure's model from `<modelsDir>/<CODE>/`. The manifest and the
 * ONNX file must agree (type, input width); every problem names the file.
 */
export async function loadModel(modelsDir: string, measure: MeasureCode): Promise<LoadedModel> {
  const folder = resolve(modelsDir, measure);
  const manifestFile = join(folder, 'manifest.json');
  const manifest = readManifest(manifestFile);
  if (manifest.measure_code !== measure) {
    throw new ModelLoadError(manifestFile, `measure_code is ${manifest.measure_code}, expected ${measure}`);
  }
  const onnxFile = join(folder, manifest.onnx_file);
  if (!existsSync(onnxFile)) throw new ModelLoadError(onnxFile, 'file not found');
  const bytes = new Uint8Array(readFileSync(onnxFile));
  try {
    const model = readOnnxModel(bytes);
    if (MODEL_TYPE_OF_KIND[model.kind] !== manifest.model_type) {
      throw new Error(`the manifest says ${manifest.model_type} but the file holds a ${MODEL_TYPE_OF_KIND[model.kind]} model`);
    }
    if (model.nFeatures !== manifest.feature_names.length) {
      throw new Error(`the model takes ${model.nFeatures} features but the manifest names ${manifest.feature_names.length}`);
    }
    if (model.kind === 'linear' && manifest.reference_means?.length !== model.nFeatures) {
      throw new Error(`a linear model needs reference_means with ${model.nFeatures} values in its manifest`);
    }
    const columns = columnsFor(measure, manifest, manifestFile);
    const explainer = createExplainer(model, { referenceMeans: manifest.reference_means });
    const scorer = await OnnxScorer.create(bytes, model);
    await scorer.warmUp();
    return { measureCode: measure, manifest, model, scorer, explainer, columns };
  } catch (error) {
    if (error instanceof ModelLoadError) throw error;
    throw new ModelLoadError(onnxFile, (error as Error).message);
  }
}
