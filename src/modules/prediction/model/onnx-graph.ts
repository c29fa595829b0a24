import { onnx } from 'onnx-proto';
import { NodeAttributes, OnnxModelError, toNumber } from 'src/modules/prediction/model/onnx-attributes';

const FLOAT = onnx.TensorProto.DataType.FLOAT;

/** Who produces and who consumes each value of a graph, its initializers, and its one data input. */
export class GraphIndex {
  readonly initializers = new Map<string, onnx.ITensorProto>();
  readonly outputs: ReadonlySet<string>;
  readonly inputName: string;
  /** The input's second dimension when the graph fixes it. */
  readonly declaredFeatures: number | undefined;
  private readonly producers = new Map<string, onnx.INodeProto>();
  private readonly consumerMap = new Map<string, onnx.INodeProto[]>();

  constructor(readonly graph: onnx.IGraphProto) {
    for (const tensor of graph.initializer ?? []) this.initializers.set(tensor.name ?? '', tensor);
    for (const node of graph.node ?? []) {
      for (const output of node.output ?? []) this.producers.set(output, node);
      for (const input of node.input ?? []) this.consumerMap.set(input, [...this.consumers(input), node]);
    }
    this.outputs = new Set((graph.output ?? []).map((output) => output.name ?? ''));
    // Before IR 4, initializers were listed among the inputs too.
    const inputs = (graph.input ?? []).filter((input) => !this.initializers.has(input.name ?? ''));
    if (inputs.length !== 1) throw new OnnxModelError(`The graph has ${inputs.length} inputs; expected one feature matrix.`);
    const input = inputs[0];
    this.inputName = input.name ?? '';
    const tensorType = input.type?.tensorType;
    if (tensorType?.elemType !== FLOAT) {
      throw new OnnxModelError(`Input '${this.inputName}' is not a float tensor (element type ${tensorType?.elemType}).`);
    }
    const dims = tensorType.shape?.dim;
    if (dims && dims.length !== 2) throw new OnnxModelError(`Input '${this.inputName}' has rank ${dims.length}; expected 2.`);
    const declared = toNumber(dims?.[1]?.dimValue);
    this.declaredFeatures = declared > 0 ? declared : undefined;
  }

  producer(value: string): onnx.INodeProto | undefined {
    return this.producers.get(value);
  }

  consumers(value: string): onnx.INodeProto[] {
    return this.consumerMap.get(value) ?? [];
  }

  /** Walks back from `value` through Identity and Cast-to-float nodes; it must reach the graph input. */
  assertFedByInput(value: string, consumer: string): void {
    let current = value;
    while (current !== this.inputName) {
      const node = this.producer(current);
      if (!node) throw new OnnxModelError(`${consumer} reads '${current}', which is neither the input nor computed.`);
      const passThrough =
        node.opType === 'Identity' || (node.opType === 'Cast' && new NodeAttributes(node).int('to') === FLOAT);
      if (!passThrough) {
        throw new OnnxModelError(`${consumer} reads its features through unsupported operator ${node.opType}.`);
      }
      current = node.input?.[0] ?? '';
    }
  }

  /**
   * Walks forward from `value` through Identity nodes (and those in `alsoAllowed`) to a graph output;
   * returns the output name and the operators passed.
   */
  followToOutput(value: string, what: string, alsoAllowed: readonly string[] = []): { name: string; passed: string[] } {
    const passed: string[] = [];
    let current = value;
    while (!this.outputs.has(current)) {
      const consumers = this.consumers(current);
      const next = consumers.find((node) => node.opType === 'Identity' || alsoAllowed.includes(node.opType ?? ''));
      if (!next) {
        const types = consumers.map((node) => node.opType).join(', ');
        const hint = types.includes('ZipMap') ? '; export probabilities as a tensor (ZipMap disabled)' : '';
        throw new OnnxModelError(`${what} does not reach a graph output${types ? ` (consumed by ${types})` : ''}${hint}.`);
      }
      passed.push(next.opType ?? '');
      current = next.output?.[0] ?? '';
    }
    return { name: current, passed };
  }
}
