import { StudioError } from '../errors';
import { Crossfade } from './crossfade';
import { createMotionModel, GESTURES, type Gesture } from './gestureModels';
import { IMU_SCALES, IMU_SENSORS, quantiseInPlace, STANDARD_GRAVITY } from './imuScale';
import { MOTION_LENGTH, type MotionModel, RestingHand, TWO_PI, fromDegrees } from './motion';
import { bodyRateDps, rotationMatrix, toBoard } from './orientation';
import { Random } from './random';

export { GESTURES, IMU_SENSORS };
export type { Gesture };

/** Values per frame: accX, accY, accZ (m/s²), gyrX, gyrY, gyrZ (deg/s), magX, magY, magZ (µT). */
export const IMU_AXES = 9;

/**
 * A change of gesture cross-fades the two motions over this long, so no reading jumps. Shorter blends
 * make the hand start a slow gesture (a 1 Hz circle) with an acceleration the gesture itself never has.
 */
const BLEND_S = 0.5;

export interface GestureStreamOptions {
  gesture: Gesture;
  /** Output rate, e.g. 100 Hz, or 119 Hz as the LSM9DS1 runs. */
  sampleRateHz: number;
  /** Everything random — the recording's style, the board's posture, the sensor noise — follows from it. */
  seed: number;
}

/** What differs from one board (and one grip) to the next, drawn once per stream. */
interface BoardSetup {
  tiltX: number;
  tiltY: number;
  heading: number;
  fieldHorizontal: number;
  fieldVertical: number;
  accBias: number[];
  gyrBias: number[];
  hardIron: number[];
  accNoise: number;
  gyrNoise: number;
  magNoise: number;
}

function drawBoardSetup(rng: Random): BoardSetup {
  const noise = rng.uniform(0.7, 1.6);
  const three = (sd: number) => [0, 1, 2].map(() => sd * rng.gaussian());
  return {
    tiltX: fromDegrees(rng.uniform(-15, 15)),
    tiltY: fromDegrees(rng.uniform(-15, 15)),
    heading: rng.uniform(0, TWO_PI),
    // The Earth's field: 15–35 µT horizontal, 25–55 µT pointing down (northern hemisphere).
    fieldHorizontal: rng.uniform(15, 35),
    fieldVertical: -rng.uniform(25, 55),
    accBias: three(0.05),
    gyrBias: three(0.8),
    // Magnets and steel on the board and nearby offset every axis by a constant ("hard iron").
    hardIron: [0, 1, 2].map(() => rng.uniform(-15, 15)),
    accNoise: 0.015 * noise,
    gyrNoise: 0.12 * noise,
    magNoise: 0.35 * noise,
  };
}

/**
 * A virtual 9-axis IMU performing gestures, chunk by chunk: successive `next()` calls continue one
 * signal (next(10) twice equals next(20)), and the same options and calls always give the same readings.
 * Readings are quantised and saturated as the real sensors' int16 registers are (see imuScale.ts).
 */
export class GestureStream {
  readonly sampleRateHz: number;
  readonly sensors = IMU_SENSORS;
  private readonly dtS: number;
  private readonly modelRng: Random;
  private readonly noiseRng: Random;
  private readonly board: BoardSetup;
  private readonly hand: RestingHand;
  private readonly motions: Crossfade<Gesture, MotionModel>;
  private readonly motion = new Float64Array(MOTION_LENGTH);
  private readonly layerMotion = new Float64Array(MOTION_LENGTH);
  private previous = new Float64Array(9);
  private current = new Float64Array(9);

  constructor(options: GestureStreamOptions) {
    const { sampleRateHz } = options;
    if (!Number.isFinite(sampleRateHz) || sampleRateHz < 1 || sampleRateHz > 10_000) {
      throw new StudioError('virtual-config', `The virtual IMU runs at 1–10000 Hz, not ${sampleRateHz} Hz.`);
    }
    checkGesture(options.gesture);
    this.sampleRateHz = sampleRateHz;
    this.dtS = 1 / sampleRateHz;
    const rng = new Random(options.seed);
    this.board = drawBoardSetup(rng.fork());
    this.noiseRng = rng.fork();
    this.hand = new RestingHand(rng.fork());
    this.modelRng = rng;
    this.motions = new Crossfade(options.gesture, this.newModel(options.gesture), BLEND_S);
    // One step ahead, so the first frame's gyroscope reading has an orientation to compare with.
    this.advance();
  }

  /** The gesture being performed (or being blended into). */
  get gesture(): Gesture {
    return this.motions.target;
  }

  /** Switches gesture from the next frame on, blending over half a second. */
  setGesture(gesture: Gesture): void {
    checkGesture(gesture);
    this.motions.switchTo(gesture, (g) => this.newModel(g));
  }

  /** The next `frames` frames, interleaved (IMU_AXES values per frame, in IMU_SENSORS order). */
  next(frames: number): Float32Array {
    if (!Number.isInteger(frames) || frames < 0) {
      throw new StudioError('virtual-config', `A chunk is a whole number of frames, not ${frames}.`);
    }
    const out = new Float32Array(frames * IMU_AXES);
    for (let f = 0; f < frames; f++) {
      this.advance();
      this.readSensors(out, f * IMU_AXES);
    }
    quantiseInPlace(out, IMU_SCALES);
    return out;
  }

  private newModel(gesture: Gesture): MotionModel {
    return createMotionModel(gesture, this.modelRng.fork());
  }

  /** Steps every active motion, blends them and updates the board's orientation. */
  private advance(): void {
    this.motion.fill(0);
    this.motions.mix(this.dtS, (model, weight) => {
      model.step(this.dtS, this.layerMotion);
      for (let i = 0; i < MOTION_LENGTH; i++) this.motion[i] += weight * this.layerMotion[i];
    });
    this.hand.step(this.dtS, this.layerMotion);
    for (let i = 0; i < MOTION_LENGTH; i++) this.motion[i] += this.layerMotion[i];
    [this.previous, this.current] = [this.current, this.previous];
    const m = this.motion;
    rotationMatrix(this.board.tiltX + m[3], this.board.tiltY + m[4], m[5], this.current);
  }

  private readSensors(out: Float32Array, at: number): void {
    const b = this.board;
    const m = this.motion;
    const r = this.current;
    // An accelerometer measures acceleration minus gravity: at rest it reads +1 g pointing up.
    toBoard(r, m[0], m[1], m[2] + STANDARD_GRAVITY, out, at);
    bodyRateDps(this.previous, r, this.dtS, out, at + 3);
    const fx = b.fieldHorizontal * Math.cos(b.heading);
    const fy = -b.fieldHorizontal * Math.sin(b.heading);
    toBoard(r, fx, fy, b.fieldVertical, out, at + 6);
    for (let i = 0; i < 3; i++) {
      out[at + i] += b.accBias[i] + b.accNoise * this.noiseRng.gaussian();
      out[at + 3 + i] += b.gyrBias[i] + b.gyrNoise * this.noiseRng.gaussian();
      out[at + 6 + i] += b.hardIron[i] + b.magNoise * this.noiseRng.gaussian();
    }
  }
}

export function createGestureStream(options: GestureStreamOptions): GestureStream {
  return new GestureStream(options);
}

function checkGesture(gesture: string): void {
  if (!(GESTURES as readonly string[]).includes(gesture)) {
    throw new StudioError(
      'virtual-config',
      `Unknown gesture "${gesture}"; use one of ${GESTURES.join(', ')}.`,
    );
  }
}
