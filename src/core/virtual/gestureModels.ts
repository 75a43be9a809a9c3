import { fromDegrees, type MotionModel, Rhythm, TWO_PI } from './motion';
import type { Random } from './random';
import { STANDARD_GRAVITY } from './imuScale';
import { Wander } from './wander';

export type Gesture = 'idle' | 'wave' | 'circle' | 'punch' | 'shake';

export const GESTURES: readonly Gesture[] = ['idle', 'wave', 'circle', 'punch', 'shake'];

/**
 * The motion a gesture adds to the resting hand (which the stream always applies: tremor and posture drift).
 * Each model draws its own tempo, amplitude and style from `rng`: one recording differs from the next.
 */
export function createMotionModel(gesture: Gesture, rng: Random): MotionModel {
  switch (gesture) {
    case 'idle':
      return still;
    case 'wave':
      return new Wave(rng);
    case 'circle':
      return new Circle(rng);
    case 'punch':
      return new Punch(rng);
    case 'shake':
      return new Shake(rng);
  }
}

const still: MotionModel = {
  step: (_dtS, out) => out.fill(0),
};

/** Side to side along X at 1.5–3 Hz, the wrist rolling about the forward axis with the stroke. */
class Wave implements MotionModel {
  private readonly rhythm: Rhythm;
  private readonly strength: Wander;
  private readonly acc: number;
  private readonly roll: number;
  private readonly yaw: number;
  private readonly lag: number;
  private readonly harmonicPhase: number;

  constructor(rng: Random) {
    this.rhythm = new Rhythm(rng, rng.uniform(1.5, 3), 0.06);
    this.strength = new Wander(rng, 1.5);
    this.acc = rng.uniform(6, 13);
    this.roll = fromDegrees(rng.uniform(20, 40));
    this.yaw = fromDegrees(rng.uniform(4, 10));
    this.lag = rng.uniform(-0.5, 0.5);
    this.harmonicPhase = rng.uniform(0, TWO_PI);
  }

  step(dtS: number, out: Float64Array): void {
    out.fill(0);
    const p = this.rhythm.step(dtS);
    const a = this.acc * (1 + 0.12 * this.strength.step(dtS));
    out[0] = a * (Math.sin(p) + 0.12 * Math.sin(2 * p + this.harmonicPhase));
    // The hand swings on an arc: it rises a little at both ends of the stroke.
    out[2] = 0.25 * a * Math.cos(2 * p);
    // Rolled this way, the tilt adds gravity to the stroke's own acceleration on X instead of cancelling it.
    out[4] = -this.roll * Math.sin(p + this.lag);
    out[5] = this.yaw * Math.sin(p + this.lag + 0.8);
  }
}

/** A circle drawn in the air in front of the user (X–Z plane) at about 1 Hz, either direction. */
class Circle implements MotionModel {
  private readonly rhythm: Rhythm;
  private readonly strength: Wander;
  private readonly acc: number;
  private readonly direction: number;
  private readonly tiltY: number;
  private readonly tiltX: number;
  private readonly ellipse: number;

  constructor(rng: Random) {
    this.rhythm = new Rhythm(rng, rng.uniform(0.8, 1.25), 0.05);
    this.strength = new Wander(rng, 2);
    this.acc = rng.uniform(4, 9);
    this.direction = rng.sign();
    this.tiltY = fromDegrees(rng.uniform(10, 18));
    this.tiltX = fromDegrees(rng.uniform(4, 10));
    this.ellipse = rng.uniform(0.75, 1.25);
  }

  step(dtS: number, out: Float64Array): void {
    out.fill(0);
    const p = this.rhythm.step(dtS);
    const a = this.acc * (1 + 0.1 * this.strength.step(dtS));
    out[0] = a * Math.cos(p);
    out[2] = this.direction * this.ellipse * a * Math.sin(p);
    out[1] = 0.12 * a * Math.sin(p + 1);
    out[4] = this.tiltY * Math.sin(p + 0.3);
    out[3] = this.tiltX * Math.cos(p);
  }
}

/**
 * Punches forward (+Y) every 0.8–1.2 s: a sharp 2–4 g thrust, the harder stop at full reach (recoil), then
 * the slower pull back to guard. The lobes' areas cancel, so the hand ends where it started. The fist also
 * dips (rotation about X) while it travels.
 */
class Punch implements MotionModel {
  private readonly rng: Random;
  private readonly period: number;
  private readonly peak: number;
  private readonly dip: number;
  private readonly lift: number;
  private readonly punches: { startS: number; peak: number }[] = [];
  private timeS = 0;
  private nextS: number;

  constructor(rng: Random) {
    this.rng = rng;
    this.period = rng.uniform(0.8, 1.2);
    this.peak = rng.uniform(2, 4) * STANDARD_GRAVITY;
    this.dip = fromDegrees(rng.uniform(8, 16));
    this.lift = rng.uniform(0.05, 0.2);
    this.nextS = rng.uniform(0.05, this.period);
  }

  step(dtS: number, out: Float64Array): void {
    out.fill(0);
    this.timeS += dtS;
    if (this.timeS >= this.nextS) {
      this.punches.push({ startS: this.nextS, peak: this.peak * (1 + 0.12 * this.rng.gaussian()) });
      this.nextS += this.period * Math.max(0.75, 1 + 0.08 * this.rng.gaussian());
    }
    while (this.punches.length > 0 && this.timeS - this.punches[0].startS > PUNCH_LENGTH_S)
      this.punches.shift();
    for (const punch of this.punches) {
      const t = this.timeS - punch.startS;
      const thrust = punch.peak * punchProfile(t);
      out[1] += thrust;
      out[2] += this.lift * thrust;
      out[3] -= this.dip * bump(t, 0.16, 0.07);
    }
  }
}

const PUNCH_LENGTH_S = 0.7;

function bump(t: number, centreS: number, widthS: number): number {
  const x = (t - centreS) / widthS;
  return Math.exp(-x * x);
}

/** Forward acceleration of one punch (peak ≈ 1 at t = 0.1 s); the areas of the four lobes sum to zero. */
function punchProfile(t: number): number {
  return (
    bump(t, 0.1, 0.03) - 0.86 * bump(t, 0.18, 0.035) - 0.25 * bump(t, 0.35, 0.06) + 0.25 * bump(t, 0.52, 0.06)
  );
}

/** Vigorous shaking at 5–8 Hz, mostly along X, the wrist twisting about Z with every stroke. */
class Shake implements MotionModel {
  private readonly rhythm: Rhythm;
  private readonly strength: Wander;
  private readonly acc: number;
  private readonly twist: number;
  private readonly cross: number;
  private readonly crossPhase: number;

  constructor(rng: Random) {
    this.rhythm = new Rhythm(rng, rng.uniform(5, 8), 0.05);
    this.strength = new Wander(rng, 0.8);
    this.acc = rng.uniform(15, 28);
    this.twist = fromDegrees(rng.uniform(8, 15));
    this.cross = rng.uniform(0.15, 0.35);
    this.crossPhase = rng.uniform(0, TWO_PI);
  }

  step(dtS: number, out: Float64Array): void {
    out.fill(0);
    const p = this.rhythm.step(dtS);
    const a = this.acc * (1 + 0.15 * this.strength.step(dtS));
    out[0] = a * (Math.sin(p) + 0.2 * Math.sin(2 * p + 0.5));
    out[1] = this.cross * a * Math.sin(p + this.crossPhase);
    out[2] = 0.15 * a * Math.sin(2 * p);
    out[5] = this.twist * Math.sin(p + 0.4);
    out[4] = 0.5 * this.twist * Math.sin(p + this.crossPhase);
  }
}
