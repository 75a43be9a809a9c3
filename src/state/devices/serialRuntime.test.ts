import { afterEach, describe, expect, it, vi } from 'vitest';
import { StudioError } from '../../core/errors';
import { encodeCommand } from '../../core/protocol';
import { VirtualFirmware } from '../../core/virtual/virtualFirmware';
import { VirtualPort } from '../../platform/virtualBoard/virtualPort';
import type { PortLike } from '../../platform/serial/types';
import { FORWARDER_KEY, SerialRuntime } from './serialRuntime';
import { until } from './testUtils/until';

const open: SerialRuntime[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const r of open.splice(0)) await r.disconnect();
});

async function virtualBoard() {
  const port = new VirtualPort(new VirtualFirmware({ seed: 2, gesture: 'wave', audioMode: 'silence' }));
  const runtime = await SerialRuntime.connect(port, {
    id: 'v',
    kind: 'virtual',
    name: 'Virtual board',
    simulated: true,
  });
  open.push(runtime);
  const sensor = (key: string) => runtime.snapshot().sensors.find((s) => s.key === key)!;
  await until(() => sensor('s1')?.streaming === true && sensor('s4')?.streaming === true);
  return { port, runtime, sensor };
}

describe('SerialRuntime host commands (virtual board)', () => {
  it('starts every stream after the handshake and lists the rates the board offers', async () => {
    const { sensor } = await virtualBoard();
    expect(sensor('s1')).toMatchObject({ name: 'accelerometer', rates: [100, 50, 25], declaredHz: 100 });
    expect(sensor('s4')).toMatchObject({ name: 'microphone', rates: [16000], declaredHz: 16000 });
  });

  it('stops and restarts one stream, following what the board acknowledged', async () => {
    const { runtime, sensor } = await virtualBoard();
    await runtime.setStreaming('s1', false);
    await until(() => sensor('s1').streaming === false);
    const frames = sensor('s1').framesReceived;
    await new Promise((r) => setTimeout(r, 150));
    expect(sensor('s1').framesReceived).toBe(frames);
    expect(sensor('s2').streaming).toBe(true);
    await runtime.setStreaming('s1', true);
    await until(() => sensor('s1').streaming === true && sensor('s1').framesReceived > frames);
  });

  it('keeps a stream the user stopped stopped when the board sends its handshake again', async () => {
    const { port, runtime, sensor } = await virtualBoard();
    await runtime.setStreaming('s3', false);
    await until(() => sensor('s3').streaming === false);
    // As after a board reset: everything stops and the board describes itself again. The runtime restarts
    // every stream the handshake says is stopped, except the one the user stopped.
    const onBoard = () => port.firmware.deviceInfo().sensors.map((d) => d.streaming);
    port.firmware.receive(encodeCommand({ type: 'stop', sensorId: 'all' }, 900));
    expect(onBoard()).toEqual([false, false, false, false]);
    port.firmware.receive(encodeCommand({ type: 'hello' }, 901));
    await until(() => onBoard().join() === 'true,true,false,true');
    await until(() => sensor('s1').streaming === true);
    expect(sensor('s3').streaming).toBe(false);
  });

  it('sets a rate the board offers and refuses one it does not', async () => {
    const { runtime, sensor } = await virtualBoard();
    await runtime.setSensorRate('s2', 25);
    await until(() => sensor('s2').declaredHz === 25);
    await expect(runtime.setSensorRate('s2', 30)).rejects.toThrow(
      /cannot stream at 30 Hz; the board offers 100, 50, 25 Hz/,
    );
    await expect(runtime.setStreaming('forwarder', true)).rejects.toBeInstanceOf(StudioError);
  });
});

/** A port the test writes forwarder lines into, each chunk arriving at the time the test sets. */
class LinePort implements PortLike {
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  async open(): Promise<void> {
    this.readable = new ReadableStream({ start: (c) => void (this.controller = c) });
    this.writable = new WritableStream();
  }
  async close(): Promise<void> {
    this.readable = null;
    this.writable = null;
  }
  send(text: string): void {
    this.controller?.enqueue(new TextEncoder().encode(text));
  }
}

describe('SerialRuntime forwarder settings', () => {
  /** A forwarder board printing `axes` values at 50 Hz for `seconds`, read at a controlled clock. */
  async function forwarderBoard(axes: number, seconds: number, rememberedHz?: number) {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const port = new LinePort();
    const runtime = await SerialRuntime.connect(port, {
      id: 'f',
      kind: 'serial',
      name: 'Test board',
      simulated: false,
      forwarderRate: (n) => (n === axes ? rememberedHz : undefined),
    });
    open.push(runtime);
    const line = Array.from({ length: axes }, (_, a) => (a + 0.5).toFixed(2)).join(',') + '\r\n';
    for (let i = 0; i < seconds * 50; i++) {
      now = i * 20;
      port.send(line);
      await new Promise((r) => setTimeout(r, 0));
    }
    const forwarder = () => runtime.snapshot().sensors.find((s) => s.key === FORWARDER_KEY)!;
    return { runtime, forwarder };
  }

  it('records at the detected rate until the user sets one, and shows both', async () => {
    const { runtime, forwarder } = await forwarderBoard(3, 2);
    expect(forwarder()).toMatchObject({ declaredHz: 50, detectedHz: 50, rateSource: 'detected' });
    runtime.setForwarderRate(52.5);
    expect(forwarder()).toMatchObject({ declaredHz: 52.5, detectedHz: 50, rateSource: 'user' });
    runtime.setForwarderRate(null);
    expect(forwarder()).toMatchObject({ declaredHz: 50, rateSource: 'detected' });
    expect(() => runtime.setForwarderRate(0)).toThrow(/above 0/);
    expect(() => runtime.setForwarderRate(Number.NaN)).toThrow(StudioError);
  });

  it('applies the rate remembered for this board before any is detected', async () => {
    const { forwarder } = await forwarderBoard(3, 0.2, 40);
    expect(forwarder()).toMatchObject({ declaredHz: 40, detectedHz: 0, rateSource: 'user' });
  });

  it('refuses axis names for another axis count instead of ignoring them', async () => {
    const { runtime, forwarder } = await forwarderBoard(6, 0.2);
    const three = ['x', 'y', 'z'].map((name) => ({ name, units: 'g' }));
    expect(() => runtime.setForwarderAxes(three)).toThrow(/now sends 6 values per line, not 3/);
    expect(forwarder().axes.map((a) => a.name)).toEqual(['accX', 'accY', 'accZ', 'gyrX', 'gyrY', 'gyrZ']);
  });
});
