import { onnx } from 'onnx-proto';

/** A model that cannot be read or explained; the message names the operator, attribute or value at fault. */
export class OnnxModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OnnxModelError';
  }
}

/** protobufjs decodes int64 fields to Long objects when the `long` package is present. */
export type Int64Like = number | { toNumber(): number };

export function toNumber(value: Int64Like | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

const AttributeType = onnx.AttributeProto.AttributeType;
const DataType = onnx.TensorProto.DataType;
const decoder = new TextDecoder();

/** Typed access to one node's attributes, reading `x_as_tensor` (ai.onnx.ml opset 3) where `x` is absent. */
export class NodeAttributes {
  private readonly byName = new Map<string, onnx.IAttributeProto>();

  constructor(private readonly node: onnx.INodeProto) {
    for (const attribute of node.attribute ?? []) this.byName.set(attribute.name ?? '', attribute);
  }

  has(name: string): boolean {
    return this.byName.has(name) || this.byName.has(`${name}_as_tensor`);
  }

  ints(name: string): number[] | undefined {
    return this.typed(name, AttributeType.INTS)?.ints?.map(toNumber);
  }

  int(name: string): number | undefined {
    const attribute = this.typed(name, AttributeType.INT);
    return attribute ? toNumber(attribute.i) : undefined;
  }

  floats(name: string): number[] | undefined {
    const attribute = this.byName.get(name);
    if (attribute) return this.typed(name, AttributeType.FLOATS)?.floats ?? [];
    const tensor = this.typed(`${name}_as_tensor`, AttributeType.TENSOR)?.t;
    return tensor ? tensorValues(tensor, `${this.label()} attribute ${name}_as_tensor`) : undefined;
  }

  string(name: string): string | undefined {
    const attribute = this.typed(name, AttributeType.STRING);
    return attribute ? decoder.decode(attribute.s ?? new Uint8Array()) : undefined;
  }

  strings(name: string): string[] | undefined {
    return this.typed(name, AttributeType.STRINGS)?.strings?.map((bytes) => decoder.decode(bytes));
  }

  /** Throws naming the node when a required attribute is missing. */
  required<T>(name: string, value: T | undefined): T {
    if (value === undefined) throw new OnnxModelError(`${this.label()} has no attribute ${name}.`);
    return value;
  }

  label(): string {
    return `${this.node.opType ?? 'node'}${this.node.name ? ` '${this.node.name}'` : ''}`;
  }

  private typed(name: string, type: onnx.AttributeProto.AttributeType): onnx.IAttributeProto | undefined {
    const attribute = this.byName.get(name);
    if (!attribute) return undefined;
    if (attribute.type !== type) {
      throw new OnnxModelError(`${this.label()} attribute ${name} has type ${attribute.type}, expected ${type}.`);
    }
    return attribute;
  }
}

/** Values of a float, double, int32 or int64 tensor, from its typed field or from raw_data (little-endian). */
export function tensorValues(tensor: onnx.ITensorProto, what: string): number[] {
  const raw = tensor.rawData && tensor.rawData.length > 0 ? tensor.rawData : undefined;
  const view = raw ? new DataView(raw.buffer, raw.byteOffset, raw.byteLength) : undefined;
  const read = (size: number, get: (offset: number) => number): number[] =>
    Array.from({ length: (view?.byteLength ?? 0) / size }, (_, k) => get(k * size));
  switch (tensor.dataType) {
    case DataType.FLOAT:
      return view ? read(4, (o) => view.getFloat32(o, true)) : (tensor.floatData ?? []);
    case DataType.DOUBLE:
      return view ? read(8, (o) => view.getFloat64(o, true)) : (tensor.doubleData ?? []);
    case DataType.INT32:
      return view ? read(4, (o) => view.getInt32(o, true)) : (tensor.int32Data ?? []);
    case DataType.INT64:
      return view ? read(8, (o) => Number(view.getBigInt64(o, true))) : (tensor.int64Data ?? []).map(toNumber);
    default:
      throw new OnnxModelError(`${what} has tensor data type ${tensor.dataType}; expected float, double or int.`);
  }
}

export function tensorDims(tensor: onnx.ITensorProto): number[] {
  return (tensor.dims ?? []).map(toNumber);
}
