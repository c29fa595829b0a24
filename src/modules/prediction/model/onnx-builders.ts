import { onnx } from 'onnx-proto';

export const ML_DOMAIN = 'ai.onnx.ml';
export const IR_VERSION = 8;
export const DEFAULT_OPSET = 13;
export const ML_OPSET = 3;
export const PRODUCER_NAME = 'hedis-star-rating-optimizer';
/** Name of the symbolic batch dimension of every exported input and output. */
export const BATCH_DIMENSION = 'N';

const AttributeType = onnx.AttributeProto.AttributeType;
export const TensorDataType = onnx.TensorProto.DataType;
const encoder = new TextEncoder();

export function intAttribute(name: string, value: number): onnx.IAttributeProto {
  return { name, type: AttributeType.INT, i: value };
}

export function intsAttribute(name: string, values: readonly number[]): onnx.IAttributeProto {
  return { name, type: AttributeType.INTS, ints: [...values] };
}

export function floatsAttribute(name: string, values: ArrayLike<number>): onnx.IAttributeProto {
  return { name, type: AttributeType.FLOATS, floats: Array.from(values) };
}

/** onnx-proto takes string attributes as UTF-8 bytes. */
export function stringAttribute(name: string, value: string): onnx.IAttributeProto {
  return { name, type: AttributeType.STRING, s: encoder.encode(value) };
}

export function stringsAttribute(name: string, values: readonly string[]): onnx.IAttributeProto {
  return { name, type: AttributeType.STRINGS, strings: values.map((value) => encoder.encode(value)) };
}

/** A tensor value with a symbolic batch dimension first: `[N, ...rest]`. */
export function batchTensor(name: string, elemType: number, rest: readonly number[]): onnx.IValueInfoProto {
  const dim = [{ dimParam: BATCH_DIMENSION }, ...rest.map((dimValue) => ({ dimValue }))];
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

export interface OnnxGraphParts {
  readonly graphName: string;
  readonly nodes: readonly onnx.INodeProto[];
  readonly inputs: readonly onnx.IValueInfoProto[];
  readonly outputs: readonly onnx.IValueInfoProto[];
  readonly docString?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** Serialises a one-graph model: IR 8, opsets '' 13 and ai.onnx.ml 3. */
export function encodeModel(parts: OnnxGraphParts): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [
      { domain: '', version: DEFAULT_OPSET },
      { domain: ML_DOMAIN, version: ML_OPSET },
    ],
    producerName: PRODUCER_NAME,
    docString: parts.docString ?? '',
    metadataProps: Object.entries(parts.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: parts.graphName,
      node: [...parts.nodes],
      input: [...parts.inputs],
      output: [...parts.outputs],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
