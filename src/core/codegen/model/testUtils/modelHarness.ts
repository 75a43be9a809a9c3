/**
 * Builds generated models on the host and runs them on raw input tensors: the kernel library is compiled
 * once, each model's own C (model and stdio runner) per model, so many small graphs build quickly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementCount, type Graph, type TensorData } from '../../../ir/graph';
import type { GeneratedFile } from '../../c/generatedFile';
import { kernelLibraryFiles } from '../../c/kernelLibrary';
import { cSources, hostBuild, run, writeFiles } from '../../c/testUtils/toolchain';
import { type GeneratedModel, generateModelC, type ModelCOptions } from '../generateModelC';
import { generateModelRunnerMain } from '../modelRunnerMain';

/** Raw bytes of tensors, back to back. */
export function tensorBytes(tensors: TensorData[]): Uint8Array {
  const total = tensors.reduce((n, t) => n + t.byteLength, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const t of tensors) {
    bytes.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), offset);
    offset += t.byteLength;
  }
  return bytes;
}

/** Splits raw output bytes into tensors of the graph output's dtype and size. */
export function outputTensors(graph: Graph, bytes: Uint8Array): TensorData[] {
  const tensor = graph.tensors[graph.outputs[0]];
  const count = elementCount(tensor.shape);
  const copy = bytes.slice();
  const all = tensor.dtype === 'float32' ? new Float32Array(copy.buffer) : new Int8Array(copy.buffer);
  const result: TensorData[] = [];
  for (let start = 0; start < all.length; start += count) result.push(all.slice(start, start + count));
  return result;
}

export class ModelHarness {
  private constructor(
    private readonly dir: string,
    private readonly kernelObjects: string[],
  ) {}

  /** Compiles the whole kernel library into `dir/kernels`. */
  static async create(dir: string): Promise<ModelHarness> {
    const kernelDir = join(dir, 'kernels');
    const paths = writeFiles(kernelDir, kernelLibraryFiles());
    const objects = await hostBuild('the kernel library', cSources(paths), '', { compileOnly: true });
    return new ModelHarness(dir, objects);
  }

  /**
   * Generates `graph` as `<prefix>_model.{h,c}` and builds it with `main` (the stdio runner unless given);
   * returns the program's path.
   */
  async build(
    name: string,
    graph: Graph,
    options: Partial<ModelCOptions> = {},
    main?: GeneratedFile,
  ): Promise<{ binary: string; model: GeneratedModel }> {
    const prefix = options.prefix ?? name;
    const model = generateModelC(graph, undefined, { ...options, prefix });
    const own = model.files.filter((f) => f.path.startsWith(`${prefix}_model`));
    const paths = writeFiles(join(this.dir, name), [...own, main ?? generateModelRunnerMain({ prefix })]);
    const binary = join(this.dir, name, 'program');
    await hostBuild(`the model "${name}"`, cSources(paths), binary, {
      objects: this.kernelObjects,
      includeDirs: [join(this.dir, 'kernels')],
    });
    return { binary, model };
  }

  /** Runs a built program on `input` bytes (a file as argv[1]); returns what it wrote to argv[2]. */
  async execute(name: string, binary: string, input: Uint8Array): Promise<Uint8Array> {
    const inputPath = join(this.dir, name, 'inputs.bin');
    const outputPath = join(this.dir, name, 'outputs.bin');
    writeFileSync(inputPath, input);
    await run(`Running the model "${name}"`, binary, [inputPath, outputPath]);
    return new Uint8Array(readFileSync(outputPath));
  }

  /** Generates, builds and runs `graph` with the stdio runner, once per input; returns the outputs. */
  async run(name: string, graph: Graph, inputs: TensorData[]): Promise<TensorData[]> {
    const { binary } = await this.build(name, graph);
    return outputTensors(graph, await this.execute(name, binary, tensorBytes(inputs)));
  }
}
