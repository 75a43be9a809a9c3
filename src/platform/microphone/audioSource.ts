import type { StudioError } from '../../core/errors';

/**
 * The small contract every audio input fulfils — the computer's microphone, the virtual board's synthetic
 * microphone, a test's fake — so recording and live classification do not care which one they got.
 *
 * Lifecycle: `open()` resolves once samples are about to flow (or rejects with a StudioError saying what
 * to do). From then on `onSamples` receives mono int16 PCM at `sampleRateHz`, in batches of ~20–50 ms, until
 * `close()` is called, `signal` aborts, or the input fails — then `onError` is called once, with the handle
 * already closed. No callback fires after `close()` has been called.
 */
export interface AudioCaptureOptions {
  /** A batch of samples; the array is handed over (transferred), the receiver may keep it. */
  onSamples: (pcm: Int16Array) => void;
  /** The input stopped by itself: unplugged ('mic-ended'), a processing failure ('mic-error'). */
  onError: (error: StudioError) => void;
  /** Aborting cancels an open in progress (it rejects with 'mic-aborted') or closes an open input. */
  signal?: AbortSignal;
}

export interface AudioCaptureHandle {
  /** The rate of the delivered samples: always 16000 for the studio's inputs. */
  readonly sampleRateHz: number;
  /** What to call the input in the UI, e.g. "MacBook Pro Microphone (Built-in)". */
  readonly deviceName: string;
  /** Stops the input and releases the device; safe to call more than once. */
  close(): Promise<void>;
}

export interface AudioSource {
  readonly name: string;
  /** True for synthetic inputs (the virtual board), so the UI can say the data is not real. */
  readonly simulated: boolean;
  open(options: AudioCaptureOptions): Promise<AudioCaptureHandle>;
}

/** The studio records and classifies audio at 16 kHz (as the Nano 33 BLE Sense's PDM microphone). */
export const AUDIO_RATE_HZ = 16000;
