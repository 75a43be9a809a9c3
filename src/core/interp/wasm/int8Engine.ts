import type { Kernel } from '../opContext';
import { type Int8Exports, int8ModuleBytes } from './int8Module';

const PAGE_BYTES = 65536;

let compiled: WebAssembly.Module | null | undefined;

/**
 * The module, compiled once per thread (synchronously: it is far below the 4 KB Chromium allows on the main
 * thread); null where WebAssembly or its SIMD instructions are missing, or a page's Content-Security-Policy
 * forbids compiling it.
 */
function int8Module(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = int8ModuleBytes();
    try {
      compiled =
        typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}

/**
 * One interpreter's WebAssembly memory and instance for its int8 SIMD kernels. While the ops are prepared,
 * kernels place their constants (copied in at the end) and declare their scratch space, which all ops share
 * since they run one after another; `finalize` then allocates the memory once (it never grows, so views on
 * it stay valid) and builds every kernel's run function with its final addresses.
 */
export class Int8Engine {
  private constantsEnd = 0;
  private scratchBytes = 0;
  private readonly constants: { offset: number; data: Int8Array | Int32Array }[] = [];
  private readonly builders: (() => void)[] = [];
  private instanceExports: Int8Exports | null = null;
  private memory: WebAssembly.Memory | null = null;

  private constructor(private readonly module: WebAssembly.Module) {}

  /** An engine, or null where WebAssembly SIMD is unavailable (the reference kernels run instead). */
  static create(): Int8Engine | null {
    const module = int8Module();
    return module === null ? null : new Int8Engine(module);
  }

  /** Places constant data; returns its byte address. */
  constant(data: Int8Array | Int32Array): number {
    const offset = this.constantsEnd;
    this.constants.push({ offset, data });
    this.constantsEnd = align16(offset + data.byteLength);
    return offset;
  }

  /** Consecutive scratch regions of one op; returns their offsets from the scratch base. */
  scratch(sizes: number[]): number[] {
    let end = 0;
    const offsets = sizes.map((size) => {
      const offset = end;
      end = align16(end + size);
      return offset;
    });
    this.scratchBytes = Math.max(this.scratchBytes, end);
    return offsets;
  }

  /** A kernel whose run function `build` makes once the memory exists, given the scratch base address. */
  kernel(build: (scratchBase: number) => Kernel): Kernel {
    let run: Kernel = () => {
      throw new Error('Int8Engine.finalize() was not called.');
    };
    this.builders.push(() => (run = build(align16(this.constantsEnd))));
    return () => run();
  }

  finalize(): void {
    if (this.builders.length === 0) return;
    const total = align16(this.constantsEnd) + this.scratchBytes;
    this.memory = new WebAssembly.Memory({ initial: Math.ceil(total / PAGE_BYTES) });
    const instance = new WebAssembly.Instance(this.module, { env: { memory: this.memory } });
    this.instanceExports = instance.exports as unknown as Int8Exports;
    const bytes = new Uint8Array(this.memory.buffer);
    for (const { offset, data } of this.constants) {
      bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset);
    }
    for (const build of this.builders) build();
  }

  get exports(): Int8Exports {
    return this.instanceExports!;
  }

  /** A new int8 view of the whole memory, for a kernel's build step (valid after finalize). */
  int8View(): Int8Array {
    return new Int8Array(this.memory!.buffer);
  }
}
