import { StudioError } from '../../core/errors';
import {
  AUDIO_RATE_HZ,
  type AudioCaptureHandle,
  type AudioCaptureOptions,
  type AudioSource,
} from './audioSource';
import {
  microphoneAborted,
  microphoneEnded,
  microphoneOpenError,
  microphoneRateError,
  microphoneUnsupported,
} from './microphoneErrors';

export type MicrophoneOptions = AudioCaptureOptions;

export interface MicrophoneHandle extends AudioCaptureHandle {
  /** The device's own rate, when the browser says (often 44100 or 48000); the browser resamples to 16 kHz. */
  readonly inputSampleRateHz: number | null;
}

const WORKLET_URL = `${import.meta.env.BASE_URL}worklets/pcm-capture.js`;
const PROCESSOR_NAME = 'pcm-capture';
/** How long to wait for a suspended AudioContext to start before telling the user. */
const RESUME_TIMEOUT_MS = 3000;
/** Samples per batch posted by the worklet: 32 ms at 16 kHz, four render quanta of 128. */
const BATCH_FRAMES = 512;
/** Raw sound: the studio must record what the board's microphone would hear, not a call-tuned signal. */
const AUDIO_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
  channelCount: 1,
};

/**
 * Opens the computer's microphone and streams 16 kHz mono int16 PCM to `onSamples`. The browser resamples
 * (AudioContext at 16 kHz); an AudioWorklet (public/worklets/pcm-capture.js) converts to int16 off the main
 * thread and posts batches of 512 samples (32 ms), transferring their buffers. Rejects with a StudioError:
 * 'mic-unsupported', 'mic-denied', 'mic-missing', 'mic-busy', 'mic-rate', 'mic-suspended', 'mic-aborted' or
 * 'mic-error'.
 */
export async function openMicrophone(options: MicrophoneOptions): Promise<MicrophoneHandle> {
  const { signal } = options;
  if (signal?.aborted) throw microphoneAborted();
  const media = globalThis.navigator?.mediaDevices;
  if (
    !media?.getUserMedia ||
    typeof AudioContext === 'undefined' ||
    typeof AudioWorkletNode === 'undefined'
  ) {
    throw microphoneUnsupported(globalThis.isSecureContext !== false);
  }
  // Created before the permission prompt, while the click that called us still counts as a user gesture:
  // browsers start an AudioContext created then without a further click.
  let context: AudioContext;
  try {
    context = new AudioContext({ sampleRate: AUDIO_RATE_HZ, latencyHint: 'interactive' });
  } catch (e) {
    throw microphoneRateError(null, e);
  }
  let stream: MediaStream;
  try {
    if (context.sampleRate !== AUDIO_RATE_HZ) throw microphoneRateError(context.sampleRate);
    stream = await media.getUserMedia({ audio: AUDIO_CONSTRAINTS, video: false }).catch((e: unknown) => {
      throw microphoneOpenError(e);
    });
  } catch (e) {
    void context.close().catch(() => undefined);
    throw e;
  }
  try {
    if (signal?.aborted) throw microphoneAborted();
    return await startCapture(context, stream, options);
  } catch (e) {
    stream.getTracks().forEach((t) => t.stop());
    void context.close().catch(() => undefined);
    throw e;
  }
}

/** The computer's microphone as an AudioSource. */
export const microphoneSource: AudioSource = {
  name: 'Computer microphone',
  simulated: false,
  open: openMicrophone,
};

async function startCapture(
  context: AudioContext,
  stream: MediaStream,
  { onSamples, onError, signal }: MicrophoneOptions,
): Promise<MicrophoneHandle> {
  const [track] = stream.getAudioTracks();
  if (!track) throw microphoneOpenError(new DOMException('No audio track', 'NotFoundError'));
  try {
    await context.audioWorklet.addModule(WORKLET_URL);
  } catch (e) {
    throw new StudioError('mic-error', `Could not load the audio capture code (${WORKLET_URL}).`, {
      cause: e,
    });
  }
  let input: MediaStreamAudioSourceNode;
  try {
    input = context.createMediaStreamSource(stream);
  } catch (e) {
    // Firefox cannot connect a microphone running at another rate to a 16 kHz context.
    throw microphoneRateError(null, e);
  }
  const node = new AudioWorkletNode(context, PROCESSOR_NAME, {
    numberOfInputs: 1,
    // No output: browsers still run a worklet node without outputs, and nothing reaches the speakers.
    numberOfOutputs: 0,
    channelCount: 1,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    processorOptions: { batchFrames: BATCH_FRAMES },
  });
  input.connect(node);

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    track.removeEventListener('ended', onEnded);
    signal?.removeEventListener('abort', onAbort);
    node.port.onmessage = null;
    node.port.postMessage('stop');
    input.disconnect();
    stream.getTracks().forEach((t) => t.stop());
    await context.close().catch(() => undefined);
  };
  const fail = (error: StudioError) => {
    if (closed) return;
    void close();
    onError(error);
  };
  const onEnded = () => fail(microphoneEnded());
  const onAbort = () => void close();
  node.port.onmessage = (e: MessageEvent<Int16Array>) => {
    if (!closed) onSamples(e.data);
  };
  node.onprocessorerror = () =>
    fail(new StudioError('mic-error', 'Audio capture stopped on an internal error.'));
  track.addEventListener('ended', onEnded);
  signal?.addEventListener('abort', onAbort, { once: true });

  if (context.state === 'suspended') await resume(context);
  if (signal?.aborted) {
    await close();
    throw microphoneAborted();
  }
  return {
    sampleRateHz: context.sampleRate,
    deviceName: track.label || 'Microphone',
    inputSampleRateHz: track.getSettings().sampleRate ?? null,
    close,
  };
}

/**
 * Starts a context the browser created suspended (autoplay rules). resume() stays pending, rather than
 * failing, until the page is allowed to play sound, so give up after a while with advice.
 */
async function resume(context: AudioContext): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new StudioError(
            'mic-suspended',
            'The browser keeps audio paused until you interact with the page: click anywhere on it, then start the microphone again.',
          ),
        ),
      RESUME_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([context.resume(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
