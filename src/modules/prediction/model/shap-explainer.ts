import { FAST_TREE_SHAP_MAX_DEPTH, FastTreeShapExplainer } from 'src/modules/prediction/model/fast-tree-shap';
import { FeatureRow } from 'src/modules/prediction/model/feature-matrix';
import { linearRawScore } from 'src/modules/prediction/model/linear-model';
import { LinearShapExplainer } from 'src/modules/prediction/model/linear-shap';
import { OnnxModel } from 'src/modules/prediction/model/onnx-model-reader';
import { ensembleRawScore, treeDepth } from 'src/modules/prediction/model/tree-ensemble';
import { TreeShapExplainer } from 'src/modules/prediction/model/tree-shap';

/** Exact SHAP in raw-score space: contributions sum to rawScore(x) - expectedValue. */
export interface ShapExplainer {
  readonly expectedValue: number;
  shapValues(row: FeatureRow): Float64Array;
}

export interface ExplainerOptions {
  /** The reference point for a linear model (training or population means, e.g. from the manifest). */
  readonly referenceMeans?: ArrayLike<number>;
}

/**
 * The explainer for a model read from ONNX: tabulated TreeSHAP for trees up to depth 30
 * (Lundberg's recursive algorithm beyond), the exact linear formula for linear models.
 */
export function createExplainer(model: OnnxModel, options: ExplainerOptions = {}): ShapExplainer {
  if (model.kind === 'linear') {
    if (!options.referenceMeans) {
      throw new RangeError('A linear model needs reference means to explain against (e.g. from its manifest).');
    }
    return new LinearShapExplainer(model.model, options.referenceMeans);
  }
  const depth = model.ensemble.trees.reduce((max, tree) => Math.max(max, treeDepth(tree)), 0);
  return depth <= FAST_TREE_SHAP_MAX_DEPTH ? new FastTreeShapExplainer(model.ensemble) : new TreeShapExplainer(model.ensemble);
}

/** The score SHAP values add up to: log-odds for a logistic link, the probability for an identity link. */
export function rawScore(model: OnnxModel, row: FeatureRow): number {
  return model.kind === 'linear' ? linearRawScore(model.model, row) : ensembleRawScore(model.ensemble, row);
}
