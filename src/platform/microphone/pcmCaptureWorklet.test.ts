import { beforeAll, describe, expect, it, vi } from 'vitest';

/** The worklet is plain JS served from public/; load it here against stand-ins of the worklet globals. */
interface Processor {
  port: { postMessage: ReturnType<typeof vi.fn>; onmessage: ((e: { data: unknown }) => void) | null };
  process(inputs: Float32Array[][]): boolean;
}
type ProcessorClass = new (options?: { processorOptions?: { batchFrames?: number } }) => Processor;

let Processor: ProcessorClass;

beforeAll(async () => {
  vi.stubGlobal(
    'AudioWorkletProcessor',
    class {
      port = { postMessage: vi.fn(), onmessage: null };
    },
  );
  vi.stubGlobal('registerProcessor', (name: string, cls: ProcessorClass) => {
    expect(name).toBe('pcm-capture');
    Processor = cls;
  });
  const path = new URL('../../../public/worklets/pcm-capture.js', import.meta.url).pathname;
  await import(/* @vite-ignore */ path);
  vi.unstubAllGlobals();
});

function quantum(values: number[]): Float32Array[][] {
  const channel = new Float32Array(128);
  channel.set(values);
  return [[channel]];
}

describe('pcm-capture worklet', () => {
  it('converts float samples to int16, rounding and saturating', () => {
    const p = new Processor({ processorOptions: { batchFrames: 8 } });
    p.process(quantum([0, 0.5, -0.5, 1, -1, 2, -2, NaN]));
    const [batch] = p.port.postMessage.mock.calls[0] as [Int16Array];
    expect(Array.from(batch)).toEqual([0, 16384, -16384, 32767, -32768, 32767, -32768, 0]);
  });

  it('posts full batches across render quanta and transfers their buffers', () => {
    const p = new Processor({ processorOptions: { batchFrames: 200 } });
    expect(p.process(quantum([]))).toBe(true);
    expect(p.port.postMessage).not.toHaveBeenCalled();
    p.process(quantum([]));
    expect(p.port.postMessage).toHaveBeenCalledTimes(1);
    const [batch, transfer] = p.port.postMessage.mock.calls[0] as [Int16Array, ArrayBuffer[]];
    expect(batch.length).toBe(200);
    expect(transfer).toEqual([batch.buffer]);
  });

  it('defaults to 512-sample batches, skips unconnected input and stops on request', () => {
    const p = new Processor();
    expect(p.process([[]])).toBe(true);
    expect(p.process([])).toBe(true);
    for (let i = 0; i < 4; i++) p.process(quantum([]));
    expect((p.port.postMessage.mock.calls[0] as [Int16Array])[0].length).toBe(512);
    p.port.onmessage!({ data: 'stop' });
    expect(p.process(quantum([]))).toBe(false);
  });
});
