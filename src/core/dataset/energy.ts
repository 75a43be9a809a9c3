import type { SampleValues } from './sample';

/** Hop of the energy envelope: ≈ 20 ms, at least one frame (so 10 Hz IMU data gets one value per frame). */
const HOP_MS = 20;
/** Width of the moving average over hops: ≈ 100 ms, so one word or one gesture stroke stays one bump. */
const SMOOTH_MS = 100;

export interface EnergyEnvelope {
  /** Frames per hop; hop h covers frames [h × hopFrames, min((h + 1) × hopFrames, frameCount)). */
  hopFrames: number;
  /** Per hop: mean over its frames of Σ over axes of (value − axis mean)², then smoothed. */
  energy: Float64Array;
}

/**
 * Short-time energy of interleaved multi-axis data. Each axis's mean is removed first, so gravity on an
 * accelerometer axis or a DC offset in audio does not count as activity. The hop is derived from the
 * sampling interval, so the same code serves a 10 Hz sensor and 48 kHz audio.
 */
export function shortTimeEnergy(values: SampleValues, axes: number, intervalMs: number): EnergyEnvelope {
  const frames = Math.floor(values.length / axes);
  const means = axisMeans(values, axes, frames);
  const hopFrames = Math.max(1, Math.round(HOP_MS / intervalMs));
  const hops = Math.ceil(frames / hopFrames);
  const raw = new Float64Array(hops);
  for (let h = 0; h < hops; h++) {
    const start = h * hopFrames;
    const end = Math.min(start + hopFrames, frames);
    let sum = 0;
    for (let i = start * axes; i < end * axes; i += axes) {
      for (let a = 0; a < axes; a++) {
        const d = values[i + a] - means[a];
        sum += d * d;
      }
    }
    raw[h] = sum / (end - start);
  }
  const width = Math.max(1, Math.round(SMOOTH_MS / (hopFrames * intervalMs)));
  return { hopFrames, energy: movingAverage(raw, width) };
}

function axisMeans(values: SampleValues, axes: number, frames: number): Float64Array {
  const means = new Float64Array(axes);
  if (frames === 0) return means;
  for (let i = 0; i < frames * axes; i += axes) {
    for (let a = 0; a < axes; a++) means[a] += values[i + a];
  }
  for (let a = 0; a < axes; a++) means[a] /= frames;
  return means;
}

/** Centred moving average over `width` values (a handful); near the ends it averages what exists. */
function movingAverage(x: Float64Array, width: number): Float64Array {
  const half = Math.floor(width / 2);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const lo = Math.max(0, i - half);
    const hi = Math.min(x.length, i + half + 1);
    let sum = 0;
    for (let j = lo; j < hi; j++) sum += x[j];
    out[i] = sum / (hi - lo);
  }
  return out;
}
