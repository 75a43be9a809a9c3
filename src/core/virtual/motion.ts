import type { Random } from './random';
import { Wander } from './wander';

/**
 * What the hand does at one instant, in the user's frame (X right, Y forward, Z up): linear acceleration
 * in m/s² (gravity excluded) in [0…2], and the board's rotation away from its resting posture in rad (about
 * X, Y, Z) in [3…5]. The gyroscope is derived from successive rotations, so it always agrees with them.
 */
export const MOTION_LENGTH = 6;

export interface MotionModel {
  /** Advances `dtS` seconds and writes the new motion into `out` (length MOTION_LENGTH). */
  step(dtS: number, out: Float64Array): void;
}

export const TWO_PI = 2 * Math.PI;

export function fromDegrees(d: number): number {
  return (d * Math.PI) / 180;
}

/**
 * A hand that is held still is never still: physiological tremor (8–12 Hz, a few hundredths of m/s²) and a
 * slow drift of the posture by a degree or two. The stream applies it under every gesture, so it carries on
 * unbroken when the gesture changes.
 */
export class RestingHand implements MotionModel {
  private readonly tremorHz: number;
  private readonly tremorAcc: number;
  private readonly tremorAngle: number;
  private readonly direction: [number, number, number];
  private readonly driftAngle: number;
  private readonly envelope: Wander;
  private readonly drift: [Wander, Wander, Wander];
  private phase: number;

  constructor(rng: Random) {
    this.tremorHz = rng.uniform(8, 12);
    this.tremorAcc = rng.uniform(0.02, 0.06);
    this.tremorAngle = fromDegrees(rng.uniform(0.01, 0.03));
    this.driftAngle = fromDegrees(rng.uniform(0.8, 2.5));
    this.phase = rng.uniform(0, TWO_PI);
    const d = [rng.gaussian(), rng.gaussian(), rng.gaussian()];
    const n = Math.hypot(d[0], d[1], d[2]) || 1;
    this.direction = [d[0] / n, d[1] / n, d[2] / n];
    this.envelope = new Wander(rng, 0.6);
    this.drift = [new Wander(rng, 4), new Wander(rng, 4), new Wander(rng, 6)];
  }

  step(dtS: number, out: Float64Array): void {
    this.phase = (this.phase + TWO_PI * this.tremorHz * dtS) % TWO_PI;
    const strength = Math.max(0, 1 + 0.4 * this.envelope.step(dtS));
    const acc = this.tremorAcc * strength * Math.sin(this.phase);
    const angle = this.tremorAngle * strength * Math.cos(this.phase);
    for (let i = 0; i < 3; i++) {
      out[i] = acc * this.direction[i];
      out[3 + i] = angle * this.direction[i] + this.driftAngle * this.drift[i].step(dtS);
    }
  }
}

/**
 * A rhythm whose tempo wanders by a few per cent around `hz`, as a person's does. Returns the phase in
 * rad, kept in [0, 2π).
 */
export class Rhythm {
  private phaseRad: number;
  private readonly tempo: Wander;

  constructor(
    rng: Random,
    private readonly hz: number,
    private readonly wobble: number,
  ) {
    this.phaseRad = rng.uniform(0, TWO_PI);
    this.tempo = new Wander(rng, 2);
  }

  step(dtS: number): number {
    const hz = this.hz * (1 + this.wobble * this.tempo.step(dtS));
    this.phaseRad = (this.phaseRad + TWO_PI * hz * dtS) % TWO_PI;
    return this.phaseRad;
  }
}
