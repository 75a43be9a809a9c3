import { describeError, FormatError, isStudioError } from '../../core/errors';
import { elementCount, type Tensor, type TensorData } from '../../core/ir/graph';
import { prepareInterpreter, type Interpreter } from '../../core/interp/interpreter';
import { readTflite } from '../../core/tflite';
import { UsageError, type CommandRun } from '../command';

const INPUT_FORMS = 'expected {"input": [...]} or {"inputs": [[...], ...]}';

/** Reads the model and checks it has the one int8 or float32 input and output this command handles. */
function loadModel(file: string, bytes: Uint8Array): Interpreter {
  const graph = readTflite(bytes, file);
  if (graph.inputs.length !== 1 || graph.outputs.length !== 1) {
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    throw new FormatError(
      'infer-model-io',
      file,
      `the model has ${count(graph.inputs.length, 'input')} and ${count(graph.outputs.length, 'output')}; ` +
        'the CLI supports one input and one output',
    );
  }
  for (const [role, index] of [
    ['input', graph.inputs[0]],
    ['output', graph.outputs[0]],
  ] as const) {
    const { dtype } = graph.tensors[index];
    if (dtype !== 'int8' && dtype !== 'float32') {
      throw new FormatError(
        'infer-model-io',
        file,
        `the model's ${role} is ${dtype}; the CLI supports int8 and float32`,
      );
    }
  }
  try {
    return prepareInterpreter(graph);
  } catch (e) {
    // The interpreter's messages do not know the file; name it as every other error here does.
    throw new FormatError(isStudioError(e) ? e.code : 'infer-model', file, describeError(e), { cause: e });
  }
}

/** The flattened inputs of the file, and whether it used the batch form. */
function parseInputJson(file: string, bytes: Uint8Array): { rows: unknown[]; batch: boolean } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new FormatError('infer-input-json', file, `not valid JSON (${describeError(e)})`);
  }
  const fail = (problem: string) => new FormatError('infer-input-json', file, problem);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fail(INPUT_FORMS);
  const hasSingle = Object.hasOwn(json, 'input');
  if (hasSingle === Object.hasOwn(json, 'inputs')) throw fail(INPUT_FORMS);
  const key = hasSingle ? 'input' : 'inputs';
  const value = (json as Record<string, unknown>)[key];
  if (!Array.isArray(value)) throw fail(`"${key}" is not an array; ${INPUT_FORMS}`);
  if (hasSingle) return { rows: [value], batch: false };
  if (value.length === 0) throw fail('"inputs" is empty; give at least one input');
  return { rows: value, batch: true };
}

/** One flattened input as the tensor's raw values: int8 integers in [−128, 127], or float32 numbers. */
function toTensorData(file: string, row: unknown, k: number, tensor: Tensor): TensorData {
  const fail = (problem: string) => new FormatError('infer-input-mismatch', file, `input ${k} ${problem}`);
  if (!Array.isArray(row)) throw fail(`is not an array of numbers`);
  const needed = elementCount(tensor.shape);
  if (row.length !== needed) {
    throw fail(`has ${row.length} values; the model's input [${tensor.shape.join(',')}] needs ${needed}`);
  }
  row.forEach((v: unknown, i) => {
    if (typeof v !== 'number') throw fail(`value ${i} is ${JSON.stringify(v)}, not a number`);
    if (tensor.dtype === 'int8' && !(Number.isInteger(v) && v >= -128 && v <= 127)) {
      throw fail(`value ${i} is ${v}; the model's input is int8, which takes integers in [-128, 127]`);
    }
    if (tensor.dtype === 'float32' && !Number.isFinite(Math.fround(v))) {
      throw fail(`value ${i} is ${v}, outside the float32 range of the model's input`);
    }
  });
  return tensor.dtype === 'int8' ? Int8Array.from(row as number[]) : Float32Array.from(row as number[]);
}

/**
 * Runs a .tflite model on raw input values with the studio's interpreter (bit-exact with TFLite Micro for int8).
 * Input: {"input": [...]} or {"inputs": [[...], ...]}, each the model's input tensor flattened. Output, in the
 * same form: {"output": [...]} or {"outputs": [[...], ...]}, the output tensor's raw values — int8 integers or
 * float32 numbers, never dequantised. This shape is a contract scripts rely on: do not change it.
 */
export const run: CommandRun = async ({ positionals, options }, { io }) => {
  if (positionals.length !== 1) throw new UsageError('infer needs exactly one model file (.tflite)');
  if (typeof options.input !== 'string') throw new UsageError('--input <input.json> is required');
  const [modelFile] = positionals;
  const inputFile = options.input;
  try {
    const interpreter = loadModel(modelFile, await io.readFile(modelFile));
    const { rows, batch } = parseInputJson(inputFile, await io.readFile(inputFile));
    const tensor = interpreter.inputTensors[0];
    const inputs = rows.map((row, k) => toTensorData(inputFile, row, k, tensor));
    const outputs = inputs.map((input, k) => {
      const values = Array.from(interpreter.invoke([input])[0]);
      // JSON has no NaN or Infinity (JSON.stringify would silently write null).
      const bad = values.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) {
        throw new Error(`${modelFile}: output ${k} value ${bad} is ${values[bad]}, which JSON cannot hold`);
      }
      return values;
    });
    const json = JSON.stringify(batch ? { outputs } : { output: outputs[0] });
    if (typeof options.out === 'string') await io.writeFile(options.out, json + '\n');
    else io.out(json);
    return 0;
  } catch (e) {
    io.err(`infer: ${describeError(e)}`);
    return 1;
  }
};
