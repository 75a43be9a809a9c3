/** A reading interval (µs) is matched across sensors within this share of a period. */
const MATCH_TOLERANCE = 0.5;
/** Readings one sensor may hold while the others are silent (about 2 s at 100 Hz) before the oldest go. */
const MAX_PENDING = 256;
const U32 = 0x1_0000_0000;

interface Pending {
  /** Device time of each waiting reading, unwrapped (the u32 µs clock wraps every 71.6 minutes). */
  times: number[];
  values: number[][];
  lastRaw: number | null;
  unwrapped: number;
}

/**
 * Joins the IMU sensors of one board (accelerometer + gyroscope, say) into one multi-axis stream, reading by
 * reading: readings of different sensors pair up when their device times (the first reading's time in each
 * studio-protocol IMU frame, docs/protocol.md, plus one period per reading) agree within half a period, as
 * they do for sensors sampled in the same loop at the same rate. A reading with no partner is dropped and the
 * next joined readings are marked not continuous, so a recording counts the break.
 */
export class ImuCombiner {
  private readonly pending: Pending[];
  private broken = false;

  constructor(
    private readonly axesPerSensor: readonly number[],
    private readonly emit: (values: Float32Array, frames: number, continuous: boolean) => void,
  ) {
    this.pending = axesPerSensor.map(() => ({ times: [], values: [], lastRaw: null, unwrapped: 0 }));
  }

  /** Total axes of a joined reading: the sensors' axes in order. */
  get axes(): number {
    return this.axesPerSensor.reduce((a, b) => a + b, 0);
  }

  /** Readings of sensor `part`: `values` interleaved by axis, the first taken at `firstUs` on the device clock. */
  push(part: number, values: Float32Array, firstUs: number, hz: number, continuous: boolean): void {
    const p = this.pending[part];
    const axes = this.axesPerSensor[part];
    const frames = Math.floor(values.length / axes);
    if (!continuous && (p.times.length > 0 || p.lastRaw !== null)) this.broken = true;
    const periodUs = 1e6 / hz;
    const first = this.unwrap(p, firstUs);
    for (let i = 0; i < frames; i++) {
      p.times.push(first + i * periodUs);
      p.values.push(Array.from(values.subarray(i * axes, (i + 1) * axes)));
    }
    if (p.times.length > MAX_PENDING) {
      p.times.splice(0, p.times.length - MAX_PENDING);
      p.values.splice(0, p.values.length - MAX_PENDING);
      this.broken = true;
    }
    this.join(periodUs * MATCH_TOLERANCE);
  }

  private unwrap(p: Pending, raw: number): number {
    if (p.lastRaw === null) p.unwrapped = raw;
    else {
      const forward = (raw - p.lastRaw + U32) % U32;
      // A step back (a restarted stream) is taken as it comes; forward steps carry across the wrap.
      p.unwrapped = forward < U32 / 2 ? p.unwrapped + forward : p.unwrapped - ((p.lastRaw - raw + U32) % U32);
    }
    p.lastRaw = raw;
    return p.unwrapped;
  }

  private join(toleranceUs: number): void {
    const out: number[] = [];
    let frames = 0;
    for (;;) {
      if (this.pending.some((p) => p.times.length === 0)) break;
      const latest = Math.max(...this.pending.map((p) => p.times[0]));
      let dropped = false;
      for (const p of this.pending) {
        while (p.times.length > 0 && p.times[0] < latest - toleranceUs) {
          p.times.shift();
          p.values.shift();
          dropped = true;
        }
      }
      if (dropped) {
        // Readings without a partner are gone: what follows is not continuous with what came before.
        if (frames > 0) this.flush(out, frames);
        out.length = 0;
        frames = 0;
        this.broken = true;
        continue;
      }
      for (const p of this.pending) {
        p.times.shift();
        out.push(...(p.values.shift() ?? []));
      }
      frames++;
    }
    if (frames > 0) this.flush(out, frames);
  }

  private flush(out: number[], frames: number): void {
    const continuous = !this.broken;
    this.broken = false;
    this.emit(Float32Array.from(out), frames, continuous);
  }
}
