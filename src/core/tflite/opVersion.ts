import type { Op, Tensor } from '../ir/graph';

/**
 * The operator version TFLite's converter records for an op, following GetBuiltinOperatorVersion in
 * tensorflow/lite/tools/versioning/op_version.cc for the types and options the studio writes. Runtimes use it to
 * refuse models that need kernel features they lack; an operator code carries the highest version of its ops.
 */
export function opVersion(op: Op, tensors: Tensor[]): number {
  const type = (i: number) => tensors[op.inputs[i]].dtype;
  const int8 = type(0) === 'int8';
  switch (op.kind) {
    case 'CONV_2D':
      return int8 && type(1) === 'int8' ? 3 : 1;
    case 'DEPTHWISE_CONV_2D':
      if (int8 && type(1) === 'int8') return 3;
      return op.dilationH !== 1 || op.dilationW !== 1 ? 2 : 1;
    case 'FULLY_CONNECTED':
      if (op.inputs.length === 2) return 6;
      return int8 && type(1) === 'int8' ? 4 : 1;
    case 'MAX_POOL_2D':
    case 'AVERAGE_POOL_2D':
    case 'SOFTMAX':
    case 'MEAN':
    case 'ADD':
      return int8 ? 2 : 1;
    case 'QUANTIZE':
      return (tensors[op.outputs[0]].quant?.scale.length ?? 0) > 1 ? 3 : 1;
    case 'DEQUANTIZE':
      if (!int8) return 1;
      return (tensors[op.inputs[0]].quant?.scale.length ?? 0) > 1 ? 5 : 2;
    case 'RESHAPE':
      return 1;
  }
}
