import { type Activation, elementCount, type Graph, OMITTED, type Op, type Tensor } from '../../ir/graph';
import { floatActivationRange } from '../../interp/activationRange';
import { cArrayBody, cCall, cFloat, cInt, commentText } from '../c/cLiterals';

/** The C text of one layer besides its declarations (LayerContext.declarations): comment and kernel call. */
export interface LayerCode {
  /** Lines of the header comment after "Layer N: KIND". */
  comment: string[];
  /** The statement in invoke, or null for a layer that only renames a buffer (RESHAPE). */
  call: string | null;
}

/** One field of a positional struct initializer (a value, or the fields of a nested struct) and its name. */
export interface Field {
  value: string | Field[];
  comment: string;
}

/** Values longer than this (array names) do not push the comments of their neighbours to the right. */
const ALIGNED_VALUE_LENGTH = 24;

/** Initializer lines for `fields` at `indent`, with the comments of neighbouring short values aligned. */
function initializerLines(fields: Field[], indent: string): string[] {
  const width = Math.max(
    0,
    ...fields.map((f) =>
      typeof f.value === 'string' && f.value.length <= ALIGNED_VALUE_LENGTH
        ? indent.length + f.value.length + 1
        : 0,
    ),
  );
  return fields.flatMap((f) => {
    if (typeof f.value === 'string') return [`${`${indent}${f.value},`.padEnd(width)} /* ${f.comment} */`];
    return [`${indent}{ /* ${f.comment} */`, ...initializerLines(f.value, `${indent}    `), `${indent}},`];
  });
}

const C_TYPE = { int8: 'int8_t', float32: 'float', int32: 'int32_t' } as const;

export function cType(tensor: Tensor): string {
  return C_TYPE[tensor.dtype];
}

/** Per-tensor quantisation with the scale rounded to float32, as TFLite stores and uses it. */
export interface TensorQuant {
  scale: number;
  zeroPoint: number;
}

/**
 * What lowering one op sees: the graph, names of layers and tensors, and shared constant arrays. The graph
 * has passed the interpreter's checks, so shapes, dtypes and quantisation parameters are known to be valid.
 */
export class LayerContext {
  readonly name: string;
  /** File-scope declarations, in order: constant arrays, multipliers, the `static const` parameter struct. */
  readonly declarations: string[] = [];

  constructor(
    readonly graph: Graph,
    readonly op: Op,
    readonly opIndex: number,
    /** The tensor whose storage a tensor shares (itself unless it is a RESHAPE output). */
    private readonly root: readonly number[],
    /** The C expression of a non-constant root tensor: the caller's buffer or an arena pointer. */
    private readonly storage: (root: number) => string,
    /** Constant arrays already declared, by tensor index; shared by every layer. */
    private readonly constants: Map<number, string>,
  ) {
    this.name = layerName(op, opIndex);
  }

  tensor(index: number): Tensor {
    return this.graph.tensors[index];
  }

  input(position: number): number {
    return this.op.inputs[position];
  }

  /** The tensor index of input `position`, or OMITTED. */
  optionalInput(position: number): number {
    return position < this.op.inputs.length ? this.op.inputs[position] : OMITTED;
  }

  /** The float32 scale and the zero point of a per-tensor quantised tensor. */
  quant(index: number): TensorQuant {
    const q = this.tensor(index).quant!;
    return { scale: Math.fround(q.scale[0]), zeroPoint: q.zeroPoint[0] };
  }

  /** The float32 scales of a weights tensor: one, or one per channel. */
  scales(index: number): number[] {
    return this.tensor(index).quant!.scale.map((s) => Math.fround(s));
  }

  output(): number {
    return this.op.outputs[0];
  }

  /** The C expression for a tensor's values, NULL for an omitted optional input. */
  ref(index: number): string {
    if (index === OMITTED) return 'NULL';
    const root = this.root[index];
    return this.tensor(root).data === undefined ? this.storage(root) : this.constant(root, 'constant');
  }

  /** The name of the const array holding constant tensor `index`, declared on first use as `<layer>_<role>`. */
  constant(index: number, role: string): string {
    if (index === OMITTED) return 'NULL';
    const known = this.constants.get(index);
    if (known !== undefined) return known;
    const tensor = this.tensor(index);
    const name = `${this.name}_${role}`;
    const format = tensor.dtype === 'float32' ? cFloat : cInt;
    this.declarations.push(
      `/* ${role} ${describeTensor(tensor)} */\n` +
        `static const ${cType(tensor)} ${name}[${elementCount(tensor.shape)}] = {\n` +
        `${cArrayBody(tensor.data!, format)}\n};`,
    );
    this.constants.set(index, name);
    return name;
  }

  /** An int32 const array named `<layer>_<role>` (multipliers, shifts). */
  int32Array(role: string, values: ArrayLike<number>, comment: string): string {
    const name = `${this.name}_${role}`;
    this.declarations.push(
      `/* ${comment} */\n` +
        `static const int32_t ${name}[${values.length}] = {\n${cArrayBody(values, cInt)}\n};`,
    );
    return name;
  }

  /** Declares `static const <type> <layer> = { fields };`, the layer's parameter struct. */
  params(type: string, fields: Field[]): void {
    const lines = initializerLines(fields, '    ');
    this.declarations.push(`static const ${type} ${this.name} = {\n${lines.join('\n')}\n};`);
  }

  /** "input [1, 49, 10, 1] int8, scale 0.58470291, zero point 83" for the comment of a layer. */
  describe(role: string, index: number): string {
    return index === OMITTED ? `${role}: none` : `${role} ${describeTensor(this.tensor(index))}`;
  }

  /** The kernel call in invoke, with this layer's parameter struct first. */
  call(kernel: string, args: string[]): string {
    return cCall('  ', kernel, [`&${this.name}`, ...args]);
  }
}

export function layerName(op: Op, opIndex: number): string {
  return `layer${opIndex}_${op.kind.toLowerCase()}`;
}

/** Shape, dtype and quantisation of a tensor for comments; long names are shortened. */
export function describeTensor(tensor: Tensor): string {
  const shape = `[${tensor.shape.join(', ')}] ${tensor.dtype}`;
  const q = tensor.quant;
  let quant = '';
  if (q !== undefined && q.scale.length === 1) {
    quant = `, scale ${cFloat(q.scale[0]).slice(0, -1)}, zero point ${q.zeroPoint[0]}`;
  } else if (q !== undefined && q.scale.length > 1) {
    quant = `, ${q.scale.length} per-channel scales along dimension ${q.quantizedDimension}, zero point ${q.zeroPoint[0]}`;
  }
  return `${shape}${quant} "${commentText(tensor.name, 60)}"`;
}

/** `{min, max}` of a float32 kernel's fused activation, with FLT_MAX by name. */
export function floatRangeField(activation: Activation): Field {
  const { min, max } = floatActivationRange(activation);
  const literal = (v: number) =>
    v === 3.4028234663852886e38 ? 'FLT_MAX' : v === -3.4028234663852886e38 ? '-FLT_MAX' : cFloat(v);
  return { value: `{${literal(min)}, ${literal(max)}}`, comment: `activation ${activation}: min, max` };
}
