import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StudioError } from '../../core/errors';
import { openMicrophone } from './openMicrophone';

/** Just enough of MediaStreamTrack, MediaStream, AudioContext and AudioWorkletNode for openMicrophone. */
class FakeTrack extends EventTarget {
  readonly kind = 'audio';
  readonly label = 'Test microphone';
  stopped = false;
  stop() {
    this.stopped = true;
  }
  getSettings() {
    return { sampleRate: 48000 };
  }
}

class FakeStream {
  readonly track = new FakeTrack();
  getTracks() {
    return [this.track];
  }
  getAudioTracks() {
    return [this.track];
  }
}

class FakePort {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  posted: unknown[] = [];
  postMessage(data: unknown) {
    this.posted.push(data);
  }
}

class FakeNode {
  static last: FakeNode | null = null;
  readonly port = new FakePort();
  onprocessorerror: (() => void) | null = null;
  constructor(
    readonly context: FakeContext,
    readonly name: string,
    readonly options: AudioWorkletNodeOptions,
  ) {
    FakeNode.last = this;
  }
}

class FakeContext {
  static last: FakeContext | null = null;
  static forcedRate: number | null = null;
  static failSource = false;
  readonly sampleRate: number;
  state = 'running';
  closed = false;
  modules: string[] = [];
  connected = false;
  readonly audioWorklet = { addModule: async (url: string) => void this.modules.push(url) };
  constructor(options: AudioContextOptions) {
    this.sampleRate = FakeContext.forcedRate ?? options.sampleRate ?? 48000;
    FakeContext.last = this;
  }
  createMediaStreamSource() {
    if (FakeContext.failSource) throw new DOMException('different sample-rate', 'NotSupportedError');
    return {
      connect: () => void (this.connected = true),
      disconnect: () => void (this.connected = false),
    };
  }
  async resume() {
    this.state = 'running';
  }
  async close() {
    this.closed = true;
  }
}

let stream: FakeStream;
let getUserMedia: ReturnType<typeof vi.fn>;

beforeEach(() => {
  stream = new FakeStream();
  getUserMedia = vi.fn(async () => stream);
  FakeContext.forcedRate = null;
  FakeContext.failSource = false;
  FakeContext.last = null;
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
  vi.stubGlobal('AudioContext', FakeContext);
  vi.stubGlobal('AudioWorkletNode', FakeNode);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function handlers() {
  return { onSamples: vi.fn(), onError: vi.fn() };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StudioError);
  return (e as StudioError).code;
}

describe('openMicrophone', () => {
  it('captures raw 16 kHz audio through the worklet and releases everything on close', async () => {
    const h = handlers();
    const mic = await openMicrophone(h);
    expect(getUserMedia).toHaveBeenCalledWith({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 },
      video: false,
    });
    const context = FakeContext.last!;
    expect(context.modules).toEqual(['/worklets/pcm-capture.js']);
    expect(FakeNode.last!.name).toBe('pcm-capture');
    expect(FakeNode.last!.options).toMatchObject({ numberOfOutputs: 0, channelCount: 1 });
    expect(context.connected).toBe(true);
    expect(mic).toMatchObject({
      sampleRateHz: 16000,
      deviceName: 'Test microphone',
      inputSampleRateHz: 48000,
    });

    const batch = Int16Array.of(1, -2, 3);
    FakeNode.last!.port.onmessage!({ data: batch });
    expect(h.onSamples).toHaveBeenCalledWith(batch);

    await mic.close();
    await mic.close();
    expect(stream.track.stopped).toBe(true);
    expect(context.closed).toBe(true);
    expect(context.connected).toBe(false);
    expect(FakeNode.last!.port.posted).toEqual(['stop']);
    stream.track.dispatchEvent(new Event('ended'));
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('explains a refused permission, a missing device and a busy one', async () => {
    const cases: [string, string][] = [
      ['NotAllowedError', 'mic-denied'],
      ['SecurityError', 'mic-denied'],
      ['NotFoundError', 'mic-missing'],
      ['OverconstrainedError', 'mic-missing'],
      ['NotReadableError', 'mic-busy'],
      ['TypeError', 'mic-error'],
    ];
    for (const [name, code] of cases) {
      getUserMedia.mockRejectedValueOnce(new DOMException('no', name));
      expect(await codeOf(openMicrophone(handlers()))).toBe(code);
      expect(FakeContext.last!.closed).toBe(true);
    }
    getUserMedia.mockRejectedValueOnce(new DOMException('Permission denied', 'NotAllowedError'));
    await expect(openMicrophone(handlers())).rejects.toThrow(/Allow/);
  });

  it('refuses a context that is not at 16 kHz, and says so', async () => {
    FakeContext.forcedRate = 44100;
    await expect(openMicrophone(handlers())).rejects.toThrow(/44100 Hz/);
    expect(await codeOf(openMicrophone(handlers()))).toBe('mic-rate');
    expect(getUserMedia).not.toHaveBeenCalled();

    FakeContext.forcedRate = null;
    FakeContext.failSource = true;
    expect(await codeOf(openMicrophone(handlers()))).toBe('mic-rate');
    expect(stream.track.stopped).toBe(true);
    expect(FakeContext.last!.closed).toBe(true);
  });

  it('reports an unplugged microphone once and releases it', async () => {
    const h = handlers();
    await openMicrophone(h);
    stream.track.dispatchEvent(new Event('ended'));
    stream.track.dispatchEvent(new Event('ended'));
    expect(h.onError).toHaveBeenCalledTimes(1);
    expect((h.onError.mock.calls[0][0] as StudioError).code).toBe('mic-ended');
    expect(stream.track.stopped).toBe(true);
    expect(FakeContext.last!.closed).toBe(true);
  });

  it('stops on abort, before or after opening', async () => {
    const early = new AbortController();
    early.abort();
    expect(await codeOf(openMicrophone({ ...handlers(), signal: early.signal }))).toBe('mic-aborted');

    const late = new AbortController();
    const h = handlers();
    await openMicrophone({ ...h, signal: late.signal });
    late.abort();
    await Promise.resolve();
    expect(stream.track.stopped).toBe(true);
    expect(FakeContext.last!.closed).toBe(true);
    FakeNode.last!.port.onmessage?.({ data: new Int16Array(4) });
    expect(h.onSamples).not.toHaveBeenCalled();
  });

  it('says when the browser has no microphone API', async () => {
    vi.stubGlobal('navigator', {});
    expect(await codeOf(openMicrophone(handlers()))).toBe('mic-unsupported');
  });
});
