import { StudioError } from '../errors';
import {
  type DType,
  elementCount,
  type Graph,
  OMITTED,
  type Op,
  type Tensor,
  type TensorData,
} from '../ir/graph';
import type { Int8Engine } from './wasm/int8Engine';

/** A prepared kernel: runs one op over the buffers it captured; allocation-free. */
export type Kernel = () => void;

/** Per-tensor quantisation with the scale rounded to float32, as TFLite stores and uses it. */
export interface TensorQuant {
  scale: number;
  zeroPoint: number;
}

export function allocateTensorData(dtype: DType, length: number): TensorData {
  switch (dtype) {
    case 'float32':
      return new Float32Array(length);
    case 'int8':
      return new Int8Array(length);
    case 'int32':
      return new Int32Array(length);
  }
}

/**
 * What a kernel's prepare step sees: the op, the graph, the tensor buffers, the WebAssembly engine for the
 * int8 SIMD kernels (null: the reference kernels run), and helpers that fail clearly.
 */
export class OpContext {
  constructor(
    readonly graph: Graph,
    readonly buffers: TensorData[],
    readonly opIndex: number,
    readonly op: Op,
    readonly int8Engine: Int8Engine | null,
  ) {}

  fail(code: string, problem: string): never {
    throw new StudioError(code, `Op ${this.opIndex} (${this.op.kind}): ${problem}`);
  }

  tensor(index: number): Tensor {
    return this.graph.tensors[index];
  }

  describe(index: number): string {
    return `tensor ${index} "${this.tensor(index).name}"`;
  }

  /** The tensor index of input `position`; fails when the op does not have it. */
  input(position: number, role: string): number {
    const index = this.optionalInput(position);
    if (index === OMITTED) this.fail('interp-invalid-graph', `the ${role} (input ${position}) is missing.`);
    return index;
  }

  /** The tensor index of input `position`, or OMITTED. */
  optionalInput(position: number): number {
    return position < this.op.inputs.length ? this.op.inputs[position] : OMITTED;
  }

  output(): number {
    return this.op.outputs[0];
  }

  expectInputCount(min: number, max: number): void {
    const count = this.op.inputs.length;
    if (count < min || count > max) {
      const expected = min === max ? `${min}` : `${min} to ${max}`;
      this.fail('interp-invalid-graph', `expected ${expected} inputs, got ${count}.`);
    }
  }

  expectDtype(index: number, role: string, dtype: DType): void {
    const actual = this.tensor(index).dtype;
    if (actual !== dtype) {
      this.fail(
        'interp-unsupported-type',
        `the ${role} (${this.describe(index)}) is ${actual}; expected ${dtype}.`,
      );
    }
  }

  expectRank(index: number, role: string, rank: number): number[] {
    const shape = this.tensor(index).shape;
    if (shape.length !== rank) {
      this.fail(
        'interp-shape-mismatch',
        `the ${role} (${this.describe(index)}) has shape [${shape.join(', ')}]; expected ${rank} dimensions.`,
      );
    }
    return shape;
  }

  expectConstant(index: number, role: string): TensorData {
    const data = this.tensor(index).data;
    if (data === undefined) {
      this.fail('interp-invalid-graph', `the ${role} (${this.describe(index)}) must be a constant.`);
    }
    return data;
  }

  shapeMismatch(problem: string): never {
    return this.fail('interp-shape-mismatch', problem);
  }

  /** Per-tensor quantisation parameters; fails when they are missing or not a single positive scale. */
  quant(index: number, role: string): TensorQuant {
    const scales = this.scales(index, role);
    if (scales.length !== 1) {
      this.fail(
        'interp-bad-quantization',
        `the ${role} (${this.describe(index)}) must be quantised per tensor.`,
      );
    }
    return { scale: scales[0], zeroPoint: this.tensor(index).quant!.zeroPoint[0] };
  }

  /** Float32-rounded scales of a weights tensor: one, or one per channel along `dimension`. */
  channelScales(index: number, role: string, channels: number, dimension: number): number[] {
    const scales = this.scales(index, role);
    const quant = this.tensor(index).quant!;
    if (scales.length !== 1 && (scales.length !== channels || quant.quantizedDimension !== dimension)) {
      this.fail(
        'interp-bad-quantization',
        `the ${role} (${this.describe(index)}) has ${scales.length} scales along dimension ` +
          `${quant.quantizedDimension}; expected 1 or ${channels} along dimension ${dimension}.`,
      );
    }
    return scales;
  }

  /** Fails unless every zero point of the tensor is 0 (symmetric weights, as TFLite's int8 spec requires). */
  expectSymmetric(index: number, role: string): void {
    if (this.tensor(index).quant!.zeroPoint.some((z) => z !== 0)) {
      this.fail('interp-bad-quantization', `the ${role} (${this.describe(index)}) must have zero point 0.`);
    }
  }

  /** Allocates the buffer of the op's output tensor. */
  allocateOutput(): TensorData {
    const index = this.output();
    const tensor = this.tensor(index);
    const data = allocateTensorData(tensor.dtype, elementCount(tensor.shape));
    this.buffers[index] = data;
    return data;
  }

  private scales(index: number, role: string): number[] {
    const quant = this.tensor(index).quant;
    if (quant === undefined || quant.scale.length === 0) {
      this.fail(
        'interp-bad-quantization',
        `the ${role} (${this.describe(index)}) has no quantisation parameters.`,
      );
    }
    if (quant.zeroPoint.length !== quant.scale.length && quant.zeroPoint.length !== 1) {
      this.fail(
        'interp-bad-quantization',
        `the ${role} (${this.describe(index)}) has mismatched scales and zero points.`,
      );
    }
    const scales = quant.scale.map((s) => Math.fround(s));
    if (scales.some((s) => !(s > 0 && Number.isFinite(s)))) {
      this.fail(
        'interp-bad-quantization',
        `the ${role} (${this.describe(index)}) has a scale that is not positive.`,
      );
    }
    if (quant.zeroPoint.some((z) => !Number.isInteger(z) || z < -128 || z > 127)) {
      this.fail(
        'interp-bad-quantization',
        `the ${role} (${this.describe(index)}) has a zero point outside int8.`,
      );
    }
    return scales;
  }
}
