import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVirtualAudio } from '../../core/virtual/audio';
import { virtualAudioSource } from './virtualAudioSource';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('virtualAudioSource', () => {
  it('delivers the synthetic stream in real time until closed', async () => {
    const audio = createVirtualAudio({ mode: 'tone', seed: 1 });
    const source = virtualAudioSource(audio);
    expect(source.simulated).toBe(true);
    const received: Int16Array[] = [];
    const handle = await source.open({ onSamples: (pcm) => received.push(pcm), onError: vi.fn() });
    expect(handle.sampleRateHz).toBe(16000);
    vi.advanceTimersByTime(1000);
    const total = received.reduce((n, b) => n + b.length, 0);
    expect(total).toBeGreaterThanOrEqual(15500);
    expect(total).toBeLessThanOrEqual(16000);
    expect(received.length).toBeGreaterThan(20);

    const expected = createVirtualAudio({ mode: 'tone', seed: 1 }).next(total);
    const joined = new Int16Array(total);
    let at = 0;
    for (const b of received) {
      joined.set(b, at);
      at += b.length;
    }
    expect(joined).toEqual(expected);

    await handle.close();
    const before = received.length;
    vi.advanceTimersByTime(500);
    expect(received.length).toBe(before);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const onSamples = vi.fn();
    await virtualAudioSource(createVirtualAudio({ mode: 'noise', seed: 2 })).open({
      onSamples,
      onError: vi.fn(),
      signal: controller.signal,
    });
    vi.advanceTimersByTime(100);
    controller.abort();
    const calls = onSamples.mock.calls.length;
    vi.advanceTimersByTime(500);
    expect(onSamples.mock.calls.length).toBe(calls);
  });
});
