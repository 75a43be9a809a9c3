import type { Random } from './random';
import { Resonator } from './resonator';
import type { SoundSource } from './soundSources';

export type Word = 'yes' | 'no';

/** One point of a word's trajectory: formants (Hz), voicing and hiss (0…1), at `at` (0…1 of the word). */
interface Keyframe {
  at: number;
  f1: number;
  f2: number;
  f3: number;
  voice: number;
  hiss: number;
}

interface WordShape {
  durationS: number;
  /** Pitch at the start and the end, relative to the speaker's: both words fall, as a statement does. */
  pitch: [number, number];
  frames: Keyframe[];
}

/**
 * Two synthetic words with clearly different spectra and time courses (formant values from textbook
 * averages of adult voices):
 * - "yes" /jɛs/: a glide from a high F2 (/j/) into /ɛ/, then the hiss of /s/ (4–7 kHz), voicing stopped.
 * - "no" /noʊ/: a weak nasal murmur, then /o/ gliding into /ʊ/ — voiced throughout, low F2, no hiss.
 */
const WORDS: Record<Word, WordShape> = {
  yes: {
    durationS: 0.52,
    pitch: [1.1, 0.85],
    frames: [
      { at: 0, f1: 280, f2: 2250, f3: 3000, voice: 0, hiss: 0 },
      { at: 0.06, f1: 280, f2: 2250, f3: 3000, voice: 0.6, hiss: 0 },
      { at: 0.22, f1: 450, f2: 2000, f3: 2800, voice: 1, hiss: 0 },
      { at: 0.5, f1: 580, f2: 1800, f3: 2550, voice: 1, hiss: 0 },
      { at: 0.6, f1: 540, f2: 1750, f3: 2500, voice: 0.3, hiss: 0.4 },
      { at: 0.66, f1: 540, f2: 1750, f3: 2500, voice: 0, hiss: 1 },
      { at: 0.9, f1: 540, f2: 1750, f3: 2500, voice: 0, hiss: 0.8 },
      { at: 1, f1: 540, f2: 1750, f3: 2500, voice: 0, hiss: 0 },
    ],
  },
  no: {
    durationS: 0.55,
    pitch: [1.05, 0.8],
    frames: [
      { at: 0, f1: 250, f2: 1100, f3: 2400, voice: 0, hiss: 0 },
      { at: 0.05, f1: 250, f2: 1100, f3: 2400, voice: 0.3, hiss: 0 },
      { at: 0.2, f1: 280, f2: 1150, f3: 2450, voice: 0.35, hiss: 0 },
      { at: 0.3, f1: 520, f2: 950, f3: 2400, voice: 1, hiss: 0 },
      { at: 0.65, f1: 460, f2: 850, f3: 2350, voice: 1, hiss: 0 },
      { at: 0.88, f1: 360, f2: 760, f3: 2300, voice: 0.6, hiss: 0 },
      { at: 1, f1: 330, f2: 720, f3: 2300, voice: 0, hiss: 0 },
    ],
  },
};

const BANDWIDTHS = [70, 100, 140];
/** Voiced harmonics stop here: little speech energy lies above, and it keeps the source alias-free. */
const MAX_VOICE_HZ = 4500;
/** Centre and width of the /s/ hiss; lowered at low sample rates to stay under Nyquist. */
const HISS_HZ = 5800;
const HISS_BANDWIDTH_HZ = 2500;

interface Utterance {
  shape: WordShape;
  sample: number;
  length: number;
  pitchHz: number;
  formantScale: number;
  gain: number;
}

/**
 * A speaker repeating one word, each time a little differently (length, pitch, vocal-tract length,
 * loudness), with 0.35–0.9 s of quiet room in between. Formant synthesis: a band-limited sawtooth at the
 * voice pitch through three formant resonators, plus band-passed noise for hiss.
 */
export class Talker implements SoundSource {
  private readonly formants: Resonator[];
  private readonly hissFilter: Resonator;
  private readonly speakerHz: number;
  private readonly speakerFormants: number;
  private readonly loudness: number;
  private readonly roomNoise: number;
  private utterance: Utterance | null = null;
  private pauseLeft: number;
  private phase = 0;
  private readonly now: Keyframe = { at: 0, f1: 0, f2: 0, f3: 0, voice: 0, hiss: 0 };

  constructor(
    private readonly rng: Random,
    private readonly sampleRateHz: number,
    private readonly word: Word,
  ) {
    this.formants = BANDWIDTHS.map(() => new Resonator(sampleRateHz));
    this.hissFilter = new Resonator(sampleRateHz);
    this.hissFilter.tune(Math.min(HISS_HZ, 0.4 * sampleRateHz), HISS_BANDWIDTH_HZ);
    this.speakerHz = rng.uniform(95, 230);
    // A shorter vocal tract (children, many women) raises every formant.
    this.speakerFormants = rng.uniform(0.9, 1.15);
    this.loudness = rng.uniform(1500, 3000);
    this.roomNoise = rng.uniform(4, 15);
    this.pauseLeft = Math.round(rng.uniform(0.05, 0.5) * sampleRateHz);
  }

  sample(): number {
    const room = this.roomNoise * this.rng.gaussian();
    if (!this.utterance) {
      if (--this.pauseLeft > 0) return room;
      this.utterance = this.startUtterance();
    }
    const u = this.utterance;
    const value = this.speak(u, u.sample / u.length);
    if (++u.sample >= u.length) {
      this.utterance = null;
      this.pauseLeft = Math.round(this.rng.uniform(0.35, 0.9) * this.sampleRateHz);
    }
    return value + room;
  }

  private startUtterance(): Utterance {
    const shape = WORDS[this.word];
    const length = Math.round(shape.durationS * this.rng.uniform(0.85, 1.2) * this.sampleRateHz);
    return {
      shape,
      sample: 0,
      length,
      pitchHz: this.speakerHz * this.rng.uniform(0.92, 1.08),
      formantScale: this.speakerFormants * this.rng.uniform(0.96, 1.04),
      gain: this.loudness * this.rng.uniform(0.6, 1),
    };
  }

  private speak(u: Utterance, progress: number): number {
    const k = interpolate(u.shape.frames, progress, this.now);
    const f0 = u.pitchHz * (u.shape.pitch[0] + (u.shape.pitch[1] - u.shape.pitch[0]) * progress);
    this.phase = (this.phase + (2 * Math.PI * f0) / this.sampleRateHz) % (2 * Math.PI);
    const harmonics = Math.max(1, Math.floor(Math.min(MAX_VOICE_HZ, 0.45 * this.sampleRateHz) / f0));
    let voiced = k.voice * sawtooth(this.phase, harmonics);
    const formantHz = [k.f1, k.f2, k.f3];
    for (let i = 0; i < this.formants.length; i++) {
      this.formants[i].tune(formantHz[i] * u.formantScale, BANDWIDTHS[i]);
      voiced = this.formants[i].process(voiced);
    }
    const hiss = this.hissFilter.process(k.hiss * this.rng.gaussian());
    return u.gain * (voiced + HISS_LEVEL * hiss);
  }
}

/** Balances the /s/ against the vowel: a sibilant is among the loudest consonants, some 5–10 dB under it. */
const HISS_LEVEL = 0.3;

/** Σ sin(kφ)/k for k = 1…harmonics, by the Chebyshev recurrence sin((k+1)φ) = 2cosφ·sin(kφ) − sin((k−1)φ). */
function sawtooth(phase: number, harmonics: number): number {
  const twoCos = 2 * Math.cos(phase);
  let previous = 0;
  let current = Math.sin(phase);
  let sum = 0;
  for (let k = 1; k <= harmonics; k++) {
    sum += current / k;
    const next = twoCos * current - previous;
    previous = current;
    current = next;
  }
  return sum;
}

/** The trajectory at `at`, written into `out` (called for every sample: no allocation). */
function interpolate(frames: Keyframe[], at: number, out: Keyframe): Keyframe {
  let i = 1;
  while (i < frames.length - 1 && frames[i].at < at) i++;
  const a = frames[i - 1];
  const b = frames[i];
  const t = Math.min(1, Math.max(0, (at - a.at) / (b.at - a.at)));
  const mix = (x: number, y: number) => x + (y - x) * t;
  out.at = at;
  out.f1 = mix(a.f1, b.f1);
  out.f2 = mix(a.f2, b.f2);
  out.f3 = mix(a.f3, b.f3);
  out.voice = mix(a.voice, b.voice);
  out.hiss = mix(a.hiss, b.hiss);
  return out;
}
