import type { Random } from './random';
import { Wander } from './wander';

/** One generator of the virtual microphone: `sample()` gives the next value, in int16 units. */
export interface SoundSource {
  sample(): number;
}

export const silentSource: SoundSource = { sample: () => 0 };

/**
 * A room's background: a low rumble (white noise through a one-pole low-pass near 200 Hz) under a broad
 * hiss, at −40…−30 dBFS, its level drifting slowly as ventilation or traffic does.
 */
export class BackgroundNoise implements SoundSource {
  private rumble = 0;
  private readonly alpha: number;
  private readonly rumbleGain: number;
  private readonly hissGain: number;
  private readonly level: Wander;
  private readonly dtS: number;

  constructor(
    private readonly rng: Random,
    sampleRateHz: number,
  ) {
    this.dtS = 1 / sampleRateHz;
    this.alpha = 1 - Math.exp((-2 * Math.PI * 200) / sampleRateHz);
    const rms = rng.uniform(330, 1000);
    // The low-pass keeps about √(α/2) of white noise's RMS; make the rumble 80 % of the power.
    this.rumbleGain = (rms * Math.sqrt(0.8)) / Math.sqrt(this.alpha / 2);
    this.hissGain = rms * Math.sqrt(0.2);
    this.level = new Wander(rng, 3);
  }

  sample(): number {
    this.rumble += this.alpha * (this.rng.gaussian() - this.rumble);
    const level = Math.max(0.3, 1 + 0.25 * this.level.step(this.dtS));
    return level * (this.rumbleGain * this.rumble + this.hissGain * this.rng.gaussian());
  }
}

/** A steady sine (a test tone, a beep) of 300–1200 Hz at about −12 dBFS. */
export class Tone implements SoundSource {
  private phase = 0;
  private readonly step: number;
  private readonly amplitude: number;

  constructor(rng: Random, sampleRateHz: number) {
    this.step = (2 * Math.PI * rng.uniform(300, 1200)) / sampleRateHz;
    this.amplitude = rng.uniform(6000, 10000);
  }

  sample(): number {
    this.phase = (this.phase + this.step) % (2 * Math.PI);
    return this.amplitude * Math.sin(this.phase);
  }
}

/**
 * A whistled melody: a 1–2.5 kHz sine whose pitch glides between notes and wobbles with ~5 Hz vibrato,
 * over a little breath noise.
 */
export class Whistle implements SoundSource {
  private phase = 0;
  private vibratoPhase = 0;
  private readonly dtS: number;
  private readonly baseHz: number;
  private readonly vibratoHz: number;
  private readonly melody: Wander;
  private readonly loudness: Wander;
  private readonly amplitude: number;

  constructor(
    private readonly rng: Random,
    sampleRateHz: number,
  ) {
    this.dtS = 1 / sampleRateHz;
    this.baseHz = rng.uniform(1000, 2500);
    this.vibratoHz = rng.uniform(4.5, 6.5);
    this.melody = new Wander(rng, 0.4);
    this.loudness = new Wander(rng, 0.5);
    this.amplitude = rng.uniform(4000, 8000);
  }

  sample(): number {
    const vibrato = 0.015 * Math.sin(this.vibratoPhase);
    this.vibratoPhase = (this.vibratoPhase + 2 * Math.PI * this.vibratoHz * this.dtS) % (2 * Math.PI);
    // About ±4 semitones around the base pitch.
    const hz = this.baseHz * 2 ** ((4 * this.melody.step(this.dtS)) / 12) * (1 + vibrato);
    this.phase = (this.phase + 2 * Math.PI * hz * this.dtS) % (2 * Math.PI);
    const level = Math.max(0.2, 1 + 0.2 * this.loudness.step(this.dtS));
    return level * (this.amplitude * Math.sin(this.phase) + 0.03 * this.amplitude * this.rng.gaussian());
  }
}
