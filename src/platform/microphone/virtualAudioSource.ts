import type { VirtualAudio } from '../../core/virtual/audio';
import type { AudioCaptureHandle, AudioCaptureOptions, AudioSource } from './audioSource';
import { microphoneAborted } from './microphoneErrors';

/** The virtual microphone delivers a batch this often, like the real one's worklet (32 ms). */
const BATCH_MS = 32;
/** After the tab slept (timers paused), catch up at most this much; the rest is skipped, as a live input would. */
const MAX_CATCH_UP_S = 1;

/**
 * The virtual board's microphone as an AudioSource: the synthetic stream paced in real time. Switch what it
 * plays with `audio.setMode()` while it runs.
 */
export function virtualAudioSource(audio: VirtualAudio, name = 'Virtual microphone'): AudioSource {
  return {
    name,
    simulated: true,
    open: async ({ onSamples, signal }: AudioCaptureOptions): Promise<AudioCaptureHandle> => {
      if (signal?.aborted) throw microphoneAborted();
      const rate = audio.sampleRateHz;
      let startMs = performance.now();
      let sent = 0;
      const tick = () => {
        let due = Math.floor(((performance.now() - startMs) / 1000) * rate) - sent;
        if (due > MAX_CATCH_UP_S * rate) {
          startMs += ((due - rate * MAX_CATCH_UP_S) / rate) * 1000;
          due = rate * MAX_CATCH_UP_S;
        }
        if (due <= 0) return;
        sent += due;
        onSamples(audio.next(due));
      };
      const timer = setInterval(tick, BATCH_MS);
      const close = async () => {
        clearInterval(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => void close();
      signal?.addEventListener('abort', onAbort, { once: true });
      return { sampleRateHz: rate, deviceName: name, close };
    },
  };
}
