import type { Activation, Op, OpKind, Padding, Tensor } from '../ir/graph';
import { builtinOperatorName } from './builtinOperatorNames';
import { malformed, tfliteError } from './errors';
import type { FlatReader, TableRef } from './flatReader';
import { operandProblem } from './graphProblems';
import {
  ACTIVATION_NAMES,
  ADD_OPTIONS,
  CONV_2D_OPTIONS,
  CUSTOM_OPCODE,
  DEPTHWISE_CONV_2D_OPTIONS,
  FC_WEIGHTS_FORMAT_DEFAULT,
  FULLY_CONNECTED_OPTIONS,
  MODEL,
  OPCODE,
  OPERATOR,
  OPERATOR_CODE,
  OPTIONS_TYPE,
  POOL_2D_OPTIONS,
  REDUCER_OPTIONS,
  SOFTMAX_OPTIONS,
} from './schema';

export interface OperatorCodeInfo {
  code: number;
  customName: string | null;
}

const KINDS = new Map<number, OpKind>(Object.entries(OPCODE).map(([kind, code]) => [code, kind as OpKind]));
const SUPPORTED = Object.keys(OPCODE).sort().join(', ');
const ACTIVATIONS: Activation[] = ['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6'];
const PADDINGS: Padding[] = ['SAME', 'VALID'];

/** The builtin code is the larger of the two fields: old files set only the byte, newer ones both. */
export function readOperatorCodes(r: FlatReader, model: TableRef): OperatorCodeInfo[] {
  return r.tableVector(model, MODEL.operatorCodes, 'operator code').map((t, i) => {
    const what = `operator code ${i}`;
    const deprecated = r.int8(t, OPERATOR_CODE.deprecatedBuiltinCode, 0, what);
    const builtin = r.int32(t, OPERATOR_CODE.builtinCode, 0, what);
    const customName = r.string(t, OPERATOR_CODE.customCode, `the custom name of ${what}`);
    return { code: Math.max(deprecated, builtin), customName };
  });
}

/** Reads one operator's fields into an IR op, with schema defaults for absent options. */
class OperatorDecoder {
  private readonly what: string;

  constructor(
    private readonly r: FlatReader,
    private readonly t: TableRef,
    private readonly label: string,
    private readonly fileName: string,
  ) {
    this.what = `the options of ${label}`;
  }

  /** The options table, or null for none (fields then take their schema defaults). */
  options(expectedType: number): TableRef | null {
    const type = this.r.uint8(this.t, OPERATOR.optionsType, OPTIONS_TYPE.NONE, this.what);
    if (type === OPTIONS_TYPE.NONE) return null;
    if (type !== expectedType) {
      throw malformed(
        this.fileName,
        `${this.label} carries options of union type ${type}, expected ${expectedType}`,
      );
    }
    return this.r.subTable(this.t, OPERATOR.options, this.what);
  }

  int(o: TableRef | null, slot: number, fallback = 0): number {
    return this.r.int32(o, slot, fallback, this.what);
  }

  byte(o: TableRef | null, slot: number): number {
    return this.r.int8(o, slot, 0, this.what);
  }

  bool(o: TableRef | null, slot: number): boolean {
    return this.r.bool(o, slot, this.what);
  }

  float(o: TableRef | null, slot: number): number {
    return this.r.float32(o, slot, 0, this.what);
  }

  activation(o: TableRef | null, slot: number): Activation {
    const code = this.byte(o, slot);
    const activation = ACTIVATIONS[code];
    if (activation !== undefined) return activation;
    const name = ACTIVATION_NAMES[code] ?? `code ${code}`;
    throw tfliteError(
      'tflite-unsupported-activation',
      this.fileName,
      `${this.label} fuses a ${name} activation, which the studio cannot run`,
    );
  }

  padding(o: TableRef | null, slot: number): Padding {
    const code = this.byte(o, slot);
    const padding = PADDINGS[code];
    if (padding === undefined) {
      throw malformed(this.fileName, `${this.label} has the unknown padding ${code}`);
    }
    return padding;
  }

  /** Padding, strides and the fused activation: the fields conv, depthwise conv and pooling options share. */
  window(
    o: TableRef | null,
    f: { padding: number; strideH: number; strideW: number; activation: number },
  ): { padding: Padding; strideH: number; strideW: number; activation: Activation } {
    return {
      padding: this.padding(o, f.padding),
      strideH: this.int(o, f.strideH),
      strideW: this.int(o, f.strideW),
      activation: this.activation(o, f.activation),
    };
  }

  unsupportedOption(problem: string): Error {
    return tfliteError(
      'tflite-unsupported-option',
      this.fileName,
      `${this.label} ${problem}, which the studio cannot run`,
    );
  }
}

/**
 * Runtimes derive the multiplier as filter channels / input channels (schema.fbs calls the stored field redundant
 * and converters do not always keep it right), so the stored value is only a fallback for shapes that do not divide.
 */
function depthMultiplier(input: number[], filter: number[]): number | null {
  if (input.length !== 4 || filter.length !== 4 || input[3] <= 0 || filter[3] % input[3] !== 0) return null;
  return filter[3] / input[3];
}

function decodeOp(
  d: OperatorDecoder,
  kind: OpKind,
  inputs: number[],
  outputs: number[],
  tensors: Tensor[],
): Op {
  const io = { inputs, outputs };
  switch (kind) {
    case 'CONV_2D': {
      const o = d.options(OPTIONS_TYPE.Conv2DOptions);
      const f = CONV_2D_OPTIONS;
      return {
        kind,
        ...io,
        ...d.window(o, f),
        dilationH: d.int(o, f.dilationH, 1),
        dilationW: d.int(o, f.dilationW, 1),
      };
    }
    case 'DEPTHWISE_CONV_2D': {
      const o = d.options(OPTIONS_TYPE.DepthwiseConv2DOptions);
      const f = DEPTHWISE_CONV_2D_OPTIONS;
      return {
        kind,
        ...io,
        ...d.window(o, f),
        dilationH: d.int(o, f.dilationH, 1),
        dilationW: d.int(o, f.dilationW, 1),
        depthMultiplier:
          depthMultiplier(tensors[inputs[0]].shape, tensors[inputs[1]].shape) ?? d.int(o, f.depthMultiplier),
      };
    }
    case 'MAX_POOL_2D':
    case 'AVERAGE_POOL_2D': {
      const o = d.options(OPTIONS_TYPE.Pool2DOptions);
      const f = POOL_2D_OPTIONS;
      return {
        kind,
        ...io,
        ...d.window(o, f),
        filterH: d.int(o, f.filterH),
        filterW: d.int(o, f.filterW),
      };
    }
    case 'FULLY_CONNECTED': {
      const o = d.options(OPTIONS_TYPE.FullyConnectedOptions);
      const f = FULLY_CONNECTED_OPTIONS;
      if (d.byte(o, f.weightsFormat) !== FC_WEIGHTS_FORMAT_DEFAULT) {
        throw d.unsupportedOption('uses shuffled weights');
      }
      if (d.bool(o, f.keepNumDims)) throw d.unsupportedOption('keeps the input dimensions (keep_num_dims)');
      return { kind, ...io, activation: d.activation(o, f.activation) };
    }
    case 'SOFTMAX':
      return { kind, ...io, beta: d.float(d.options(OPTIONS_TYPE.SoftmaxOptions), SOFTMAX_OPTIONS.beta) };
    case 'RESHAPE':
      // The IR's newShape is the output shape; the output tensor is authoritative (ReshapeOptions may hold −1).
      return { kind, ...io, newShape: [...tensors[outputs[0]].shape] };
    case 'ADD':
      return {
        kind,
        ...io,
        activation: d.activation(d.options(OPTIONS_TYPE.AddOptions), ADD_OPTIONS.activation),
      };
    case 'MEAN':
      return {
        kind,
        ...io,
        keepDims: d.bool(d.options(OPTIONS_TYPE.ReducerOptions), REDUCER_OPTIONS.keepDims),
      };
    case 'QUANTIZE':
    case 'DEQUANTIZE':
      return { kind, ...io };
  }
}

export function readOperator(
  r: FlatReader,
  t: TableRef,
  index: number,
  codes: OperatorCodeInfo[],
  tensors: Tensor[],
  fileName: string,
): Op {
  const opcodeIndex = r.uint32(t, OPERATOR.opcodeIndex, 0, `the operator code of operator ${index}`);
  if (opcodeIndex >= codes.length) {
    throw malformed(
      fileName,
      `operator ${index} refers to operator code ${opcodeIndex}, but the file has ${codes.length}`,
    );
  }
  const { code, customName } = codes[opcodeIndex];
  const kind = KINDS.get(code);
  if (kind === undefined) {
    const name =
      code === CUSTOM_OPCODE ? `the custom operator "${customName ?? ''}"` : builtinOperatorName(code);
    throw tfliteError(
      'tflite-unsupported-op',
      fileName,
      `operator ${index} uses ${name} (code ${code}), which the studio cannot run; supported: ${SUPPORTED}`,
    );
  }
  const label = `operator ${index} (${kind})`;
  const inputs = r.int32Vector(t, OPERATOR.inputs, `the inputs of ${label}`) ?? [];
  const outputs = r.int32Vector(t, OPERATOR.outputs, `the outputs of ${label}`) ?? [];
  const problem = operandProblem({ kind, inputs, outputs }, tensors.length);
  if (problem !== null) throw malformed(fileName, `${label} ${problem}`);
  return decodeOp(new OperatorDecoder(r, t, label, fileName), kind, inputs, outputs, tensors);
}
