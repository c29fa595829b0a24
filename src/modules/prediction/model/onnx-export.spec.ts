import { onnx } from 'onnx-proto';
import { trainLogisticRegression } from 'src/modules/prediction/model/logistic-regression';
import { exportLinearModelToOnnx, exportTreeEnsembleToOnnx } from 'src/modules/prediction/model/onnx-export';
import { NodeAttributes } from 'src/modules/prediction/model/onnx-attributes';
import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { syntheticClassification } from 'src/modules/prediction/model/testing/synthetic-classification';

describe(exportTreeEnsembleToOnnx.name, () => {
  const data = syntheticClassification({ nRows: 1500, nFeatures: 5, seed: 12, missingRate: 0.1 });
  const ensemble = trainGradientBoosting(data.rows, data.labels, { nTrees: 4, maxDepth: 3, seed: 12 });
  const names = ['age', 'prior_gap', 'visits', 'rx_count', 'dual'];
  const decoded = onnx.ModelProto.decode(exportTreeEnsembleToOnnx(ensemble, { featureNames: names, metadata: { model_version: '1.2.0' } }));
  const node = decoded.graph?.node?.[0] ?? {};
  const attributes = new NodeAttributes(node);

  it('writes IR 8 with opsets 13 and ai.onnx.ml 3, and a symbolic batch dimension', () => {
    expect(Number(decoded.irVersion)).toBe(8);
    expect(decoded.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([
      ['', 13],
      ['ai.onnx.ml', 3],
    ]);
    const input = decoded.graph?.input?.[0];
    expect(input?.name).toBe('features');
    expect(input?.type?.tensorType?.shape?.dim?.map((d) => d.dimParam || Number(d.dimValue))).toEqual(['N', 5]);
    expect(decoded.graph?.output?.map((o) => o.name)).toEqual(['label', 'probabilities']);
  });

  it('writes one TreeEnsembleClassifier with LOGISTIC, the base score and covers as hit rates', () => {
    expect([node.opType, node.domain]).toEqual(['TreeEnsembleClassifier', 'ai.onnx.ml']);
    expect(attributes.string('post_transform')).toBe('LOGISTIC');
    expect(attributes.floats('base_values')).toEqual([ensemble.baseScore]);
    const nodes = ensemble.trees.flatMap((tree) => tree.nodes);
    expect(attributes.floats('nodes_hitrates')).toEqual(nodes.map((n) => n.cover));
    expect(attributes.strings('nodes_modes')).toEqual(nodes.map((n) => (n.kind === 'leaf' ? 'LEAF' : n.mode)));
    expect(attributes.ints('class_ids')?.every((id) => id === 0)).toBe(true);
    expect(attributes.ints('classlabels_int64s')).toEqual([0, 1]);
  });

  it('stores string attributes as UTF-8 bytes and feature names and extra entries as metadata', () => {
    const modes = node.attribute?.find((a) => a.name === 'nodes_modes');
    expect(modes?.strings?.[0]).toBeInstanceOf(Uint8Array);
    const metadata = Object.fromEntries(decoded.metadataProps.map((p) => [p.key, p.value]));
    expect(JSON.parse(metadata.feature_names)).toEqual(names);
    expect(metadata.model_version).toBe('1.2.0');
  });

  it('rejects feature names that do not match the model', () => {
    expect(() => exportTreeEnsembleToOnnx(ensemble, { featureNames: ['a'] })).toThrow(/1 feature names for a model of 5/);
  });
});

describe(exportLinearModelToOnnx.name, () => {
  it('writes a LinearClassifier with one coefficient row, the intercept and LOGISTIC', () => {
    const data = syntheticClassification({ nRows: 1000, nFeatures: 5, seed: 13 });
    const model = trainLogisticRegression(data.rows, data.labels);
    const node = onnx.ModelProto.decode(exportLinearModelToOnnx(model)).graph?.node?.[0] ?? {};
    const attributes = new NodeAttributes(node);
    expect(node.opType).toBe('LinearClassifier');
    expect(attributes.floats('coefficients')).toEqual(Array.from(model.coefficients));
    expect(attributes.floats('intercepts')).toEqual([model.intercept]);
    expect(attributes.string('post_transform')).toBe('LOGISTIC');
  });
});
