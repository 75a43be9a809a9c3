import { StudioError } from '../errors';
import { durationMs, type Sample } from './sample';
import { formatMs } from './msText';

/**
 * A copy of the sample holding only frames [round(startMs / intervalMs), round(endMs / intervalMs)),
 * clamped to the sample. Same id, typed-array kind and metadata; new frameCount and updatedAt.
 */
export function cropSample(sample: Sample, startMs: number, endMs: number, now: number = Date.now()): Sample {
  const range = `${formatMs(startMs)}–${formatMs(endMs)} ms`;
  const total = durationMs(sample);
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) {
    throw new StudioError('crop-range', `Crop range ${range} is not a valid time range`);
  }
  if (endMs <= startMs) throw new StudioError('crop-range', `Crop range ${range} is empty`);
  if (startMs >= total || endMs <= 0) {
    throw new StudioError(
      'crop-range',
      `Crop range ${range} is outside the sample (0–${formatMs(total)} ms)`,
    );
  }
  const first = clampFrame(Math.round(startMs / sample.intervalMs), sample.frameCount);
  const end = clampFrame(Math.round(endMs / sample.intervalMs), sample.frameCount);
  if (end <= first) {
    throw new StudioError('crop-range', `Crop range ${range} is empty: it is shorter than one frame`);
  }
  const axes = sample.sensors.length;
  return {
    ...sample,
    values: sample.values.slice(first * axes, end * axes),
    frameCount: end - first,
    updatedAt: now,
  };
}

function clampFrame(frame: number, frameCount: number): number {
  return Math.min(Math.max(frame, 0), frameCount);
}
