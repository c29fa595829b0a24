import { MeasureCode } from 'src/modules/measures/measure-code';
import { OnnxModel } from 'src/modules/prediction/model/onnx-model-reader';
import { OnnxScorer } from 'src/modules/prediction/model/onnx-scorer';
import { ShapExplainer } from 'src/modules/prediction/model/shap-explainer';
import { ModelManifest } from 'src/modules/prediction/registry/model-manifest';

/** A measure's model, ready to score and explain. */
export interface LoadedModel {
  measureCode: MeasureCode;
  manifest: ModelManifest;
  model: OnnxModel;
  scorer: OnnxScorer;
  explainer: ShapExplainer;
  /** For each model input column, its index in the feature builder's vector for the measure. */
  columns: Int32Array;
}
