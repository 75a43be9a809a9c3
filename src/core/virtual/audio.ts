import { StudioError } from '../errors';
import { toInt16 } from '../formats/int16';
import { Crossfade } from './crossfade';
import { Random } from './random';
import { BackgroundNoise, silentSource, type SoundSource, Tone, Whistle } from './soundSources';
import { Talker } from './words';

/**
 * What the virtual microphone hears: `silence` (a quiet room: only the microphone's own noise, a few LSB),
 * `noise` (background noise, −40…−30 dBFS), `tone` (a steady sine), `whistle` (a whistled melody), and the
 * keywords `yes` and `no`, each said over and over with pauses in between.
 */
export type AudioMode = 'silence' | 'noise' | 'tone' | 'whistle' | 'yes' | 'no';

export const AUDIO_MODES: readonly AudioMode[] = ['silence', 'noise', 'tone', 'whistle', 'yes', 'no'];

/** The rate of the studio's audio (and of the Nano 33 BLE Sense's PDM microphone). */
export const VIRTUAL_AUDIO_RATE_HZ = 16000;

/** Switching mode cross-fades this long, so the change makes no click. */
const FADE_S = 0.02;

/** Standard deviation of the microphone's self-noise, in LSB. */
const SELF_NOISE = 2.5;

export interface VirtualAudioOptions {
  mode: AudioMode;
  seed: number;
  /** 8000–48000; default 16000. */
  sampleRateHz?: number;
}

/**
 * A virtual microphone: int16 mono PCM, chunk by chunk (successive `next()` calls continue one signal) and
 * deterministic by seed.
 */
export class VirtualAudio {
  readonly sampleRateHz: number;
  private readonly rng: Random;
  private readonly micNoise: Random;
  private readonly sources: Crossfade<AudioMode, SoundSource>;

  constructor(options: VirtualAudioOptions) {
    const rate = options.sampleRateHz ?? VIRTUAL_AUDIO_RATE_HZ;
    if (!Number.isInteger(rate) || rate < 8000 || rate > 48000) {
      throw new StudioError(
        'virtual-config',
        `The virtual microphone runs at 8000–48000 Hz, not ${rate} Hz.`,
      );
    }
    checkMode(options.mode);
    this.sampleRateHz = rate;
    this.rng = new Random(options.seed);
    this.micNoise = this.rng.fork();
    this.sources = new Crossfade(options.mode, this.newSource(options.mode), FADE_S);
  }

  get mode(): AudioMode {
    return this.sources.target;
  }

  setMode(mode: AudioMode): void {
    checkMode(mode);
    this.sources.switchTo(mode, (m) => this.newSource(m));
  }

  next(frames: number): Int16Array {
    if (!Number.isInteger(frames) || frames < 0) {
      throw new StudioError('virtual-config', `A chunk is a whole number of samples, not ${frames}.`);
    }
    const out = new Int16Array(frames);
    const dtS = 1 / this.sampleRateHz;
    for (let i = 0; i < frames; i++) {
      let value = SELF_NOISE * this.micNoise.gaussian();
      this.sources.mix(dtS, (source, weight) => {
        value += weight * source.sample();
      });
      out[i] = toInt16(value);
    }
    return out;
  }

  private newSource(mode: AudioMode): SoundSource {
    const rng = this.rng.fork();
    switch (mode) {
      case 'silence':
        return silentSource;
      case 'noise':
        return new BackgroundNoise(rng, this.sampleRateHz);
      case 'tone':
        return new Tone(rng, this.sampleRateHz);
      case 'whistle':
        return new Whistle(rng, this.sampleRateHz);
      case 'yes':
      case 'no':
        return new Talker(rng, this.sampleRateHz, mode);
    }
  }
}

export function createVirtualAudio(options: VirtualAudioOptions): VirtualAudio {
  return new VirtualAudio(options);
}

function checkMode(mode: string): void {
  if (!(AUDIO_MODES as readonly string[]).includes(mode)) {
    throw new StudioError(
      'virtual-config',
      `Unknown audio mode "${mode}"; use one of ${AUDIO_MODES.join(', ')}.`,
    );
  }
}
