import { AUDIO_UNITS } from '../../core/dataset/sample';
import type { AudioCaptureHandle, AudioSource } from '../../platform/microphone/audioSource';
import { Listeners } from './listeners';
import { RateMeter } from './rateMeter';
import type { FrameListener, SourceRuntime, SourceSnapshot, SourceStatus } from './types';

export const MIC_KEY = 'mic';

/** The computer's microphone (or any AudioSource) as a source of 16 kHz int16 frames. */
export class MicrophoneRuntime implements SourceRuntime {
  private handle: AudioCaptureHandle | null = null;
  private status: SourceStatus = 'connecting';
  private frames = 0;
  private readonly meter = new RateMeter();
  private readonly listeners = new Listeners<Parameters<FrameListener>>();
  private readonly ended = new Listeners<[string]>();
  private readonly errors: string[] = [];

  private constructor(
    readonly id: string,
    private readonly source: AudioSource,
  ) {}

  static async open(id: string, source: AudioSource): Promise<MicrophoneRuntime> {
    const r = new MicrophoneRuntime(id, source);
    r.handle = await source.open({
      onSamples: (pcm) => {
        r.frames += pcm.length;
        r.meter.add(pcm.length, performance.now());
        r.listeners.emit(pcm, pcm.length, true);
      },
      onError: (e) => {
        r.status = 'disconnected';
        r.errors.push(e.message);
        r.ended.emit(e.message);
      },
    });
    r.status = 'connected';
    return r;
  }

  snapshot(): SourceSnapshot {
    const rate = this.handle?.sampleRateHz ?? 16000;
    return {
      id: this.id,
      kind: 'microphone',
      name: this.handle?.deviceName || this.source.name,
      simulated: this.source.simulated,
      status: this.status,
      protocol: 'Web Audio (getUserMedia, AudioWorklet)',
      details: [`${rate / 1000} kHz mono, echo cancellation and noise suppression off`],
      sensors: [
        {
          key: MIC_KEY,
          name: 'microphone',
          kind: 'audio',
          axes: [{ name: 'audio', units: AUDIO_UNITS }],
          declaredHz: rate,
          measuredHz: this.meter.rate(performance.now()),
          framesReceived: this.frames,
        },
      ],
      droppedFrames: 0,
      corruptFrames: 0,
      malformedLines: 0,
      errors: [...this.errors],
    };
  }

  subscribe(sensorKey: string, listener: FrameListener): () => void {
    return sensorKey === MIC_KEY ? this.listeners.add(listener) : () => {};
  }

  onEnd(listener: (reason: string) => void): () => void {
    return this.ended.add(listener);
  }

  async disconnect(): Promise<void> {
    await this.handle?.close();
    this.status = 'disconnected';
    this.ended.emit('closed');
  }
}
