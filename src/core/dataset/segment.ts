import { StudioError } from '../errors';
import { shortTimeEnergy } from './energy';
import { formatMs } from './msText';
import type { Sample, SampleValues, SensorInfo } from './sample';

/** A run of frames [startFrame, endFrame): endFrame is exclusive. */
export interface FrameSegment {
  startFrame: number;
  endFrame: number;
}

/**
 * Cuts a sample into one new sample per segment, named `<name>.s1`, `<name>.s2`… in segment order, each
 * with a fresh id from `newId` and the original's label, category, enabled flag, sensors, interval and
 * device. The original is not among the results: the caller deletes it in the same change.
 * Segments must be whole frames, non-empty, inside the sample, sorted and non-overlapping.
 */
export function splitAt(
  sample: Sample,
  segments: readonly FrameSegment[],
  newId: () => string,
  now: number = Date.now(),
): Sample[] {
  checkSegments(segments, sample.frameCount, sample.intervalMs);
  const axes = sample.sensors.length;
  return segments.map((s, i) => ({
    ...sample,
    id: newId(),
    name: `${sample.name}.s${i + 1}`,
    values: sample.values.slice(s.startFrame * axes, s.endFrame * axes),
    frameCount: s.endFrame - s.startFrame,
    createdAt: now,
    updatedAt: now,
  }));
}

function checkSegments(segments: readonly FrameSegment[], frameCount: number, intervalMs: number): void {
  if (segments.length === 0)
    throw new StudioError('split-segments', 'Choose at least one segment to split into');
  const ms = (s: FrameSegment) =>
    `${formatMs(s.startFrame * intervalMs)}–${formatMs(s.endFrame * intervalMs)} ms`;
  segments.forEach((s, i) => {
    const which = `Segment ${i + 1} (${ms(s)})`;
    if (!Number.isInteger(s.startFrame) || !Number.isInteger(s.endFrame)) {
      throw new StudioError('split-segments', `${which} does not start and end on whole frames`);
    }
    if (s.endFrame <= s.startFrame) throw new StudioError('split-segments', `${which} is empty`);
    if (s.startFrame < 0 || s.endFrame > frameCount) {
      const total = formatMs(frameCount * intervalMs);
      throw new StudioError('split-segments', `${which} is outside the sample (0–${total} ms)`);
    }
    const previous = segments[i - 1];
    if (previous && s.startFrame < previous.endFrame) {
      throw new StudioError(
        'split-segments',
        `${which} overlaps or comes before segment ${i} (${ms(previous)})`,
      );
    }
  });
}

export interface EnergySegmentOptions {
  /** Length of every segment found. */
  segmentLengthMs: number;
  /** Active regions closer than this are one event; default a quarter of the segment length. */
  minGapMs?: number;
  /** Where the threshold sits between the noise floor (0) and the loudest moment (1); default 0.3. */
  thresholdFraction?: number;
}

/** Percentile of the level envelope taken as the noise floor. */
const FLOOR_PERCENTILE = 10;
/** The loudest moment must be this many times the floor's energy (10 dB) for anything to count as an event. */
const MIN_CONTRAST = 10;
/** Audio's noise floor is taken as at most −50 dBFS RMS, so a recording loud throughout is one event. */
const AUDIO_FLOOR_CAP = 32768 * 10 ** (-50 / 20);

/**
 * Automatic event detection, as in Edge Impulse's "split sample": finds the loud moments of a recording
 * (words, knocks, gestures) and proposes one fixed-length segment around each.
 *
 * The short-time energy (see shortTimeEnergy) becomes an RMS level envelope; the threshold lies at
 * `thresholdFraction` of the way from the noise floor (a low percentile) to the peak. Working on RMS
 * rather than energy keeps an event at half the loudest one's amplitude above the default threshold.
 * Regions above the threshold closer than `minGapMs` merge; each region yields a segment of
 * `segmentLengthMs` centred on its energy centroid and shifted to lie inside the sample. A segment that
 * would overlap the previous one is pushed after it, or dropped if that leaves its centroid outside.
 * A recording without a clear contrast between quiet and loud parts (silence, a sensor at rest) yields no
 * segments. Only audio (Int16Array) has an absolute scale: its floor is capped at −50 dBFS, so a tone or
 * noise filling the whole recording still counts as one event. The result is sorted and non-overlapping,
 * ready for splitAt.
 */
export function findSegmentsByEnergy(
  sample: { values: SampleValues; sensors: readonly SensorInfo[]; intervalMs: number },
  options: EnergySegmentOptions,
): FrameSegment[] {
  const { segmentLengthMs, minGapMs = segmentLengthMs / 4, thresholdFraction = 0.3 } = options;
  const { values, intervalMs } = sample;
  const axes = sample.sensors.length;
  const frames = Math.floor(values.length / axes);
  const segmentFrames = Math.round(segmentLengthMs / intervalMs);
  checkEnergyOptions(segmentLengthMs, minGapMs, thresholdFraction, segmentFrames);
  if (segmentFrames > frames) {
    throw new StudioError(
      'segment-length',
      `Segment length ${formatMs(segmentLengthMs)} ms is longer than the sample (${formatMs(frames * intervalMs)} ms)`,
    );
  }
  const { hopFrames, energy } = shortTimeEnergy(values, axes, intervalMs);
  const level = energy.map(Math.sqrt);
  const floorCap = values instanceof Int16Array ? AUDIO_FLOOR_CAP : Infinity;
  const floor = Math.min(percentile(level, FLOOR_PERCENTILE), floorCap);
  const peak = level.reduce((m, v) => Math.max(m, v), 0);
  if (peak === 0 || peak * peak < MIN_CONTRAST * floor * floor) return [];
  const threshold = floor + thresholdFraction * (peak - floor);
  const regions = mergeClose(regionsAbove(level, threshold), minGapMs / (hopFrames * intervalMs));

  const segments: FrameSegment[] = [];
  for (const r of regions) {
    const centre = Math.min(centroidHop(energy, r) * hopFrames, frames);
    let start = Math.min(Math.max(Math.round(centre - segmentFrames / 2), 0), frames - segmentFrames);
    const previousEnd = segments.at(-1)?.endFrame ?? 0;
    if (start < previousEnd) start = previousEnd;
    const endFrame = start + segmentFrames;
    if (endFrame > frames || centre < start) continue;
    segments.push({ startFrame: start, endFrame });
  }
  return segments;
}

function checkEnergyOptions(lengthMs: number, gapMs: number, fraction: number, segmentFrames: number): void {
  if (!(lengthMs > 0) || !Number.isFinite(lengthMs) || segmentFrames < 1) {
    throw new StudioError(
      'segment-length',
      `Segment length ${formatMs(lengthMs)} ms is not usable: it must be positive and hold at least one frame`,
    );
  }
  if (!(gapMs >= 0) || !Number.isFinite(gapMs)) {
    throw new StudioError('segment-gap', `Minimum gap ${formatMs(gapMs)} ms must be zero or more`);
  }
  if (!(fraction > 0 && fraction < 1)) {
    throw new StudioError('segment-threshold', `Threshold fraction ${fraction} must lie between 0 and 1`);
  }
}

/** Half-open hop ranges [start, end) where the level is above the threshold. */
function regionsAbove(level: Float64Array, threshold: number): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  let start = -1;
  for (let h = 0; h <= level.length; h++) {
    const above = h < level.length && level[h] > threshold;
    if (above && start < 0) start = h;
    else if (!above && start >= 0) {
      regions.push([start, h]);
      start = -1;
    }
  }
  return regions;
}

function mergeClose(regions: Array<[number, number]>, minGapHops: number): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [start, end] of regions) {
    const last = merged.at(-1);
    if (last && start - last[1] < minGapHops) merged[merged.length - 1] = [last[0], end];
    else merged.push([start, end]);
  }
  return merged;
}

/** Energy-weighted centre of a region, in hops (hop h is centred at h + 0.5). */
function centroidHop(energy: Float64Array, [start, end]: [number, number]): number {
  let weight = 0;
  let moment = 0;
  for (let h = start; h < end; h++) {
    weight += energy[h];
    moment += energy[h] * (h + 0.5);
  }
  return weight > 0 ? moment / weight : (start + end) / 2;
}

function percentile(x: Float64Array, pct: number): number {
  const sorted = x.slice().sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((pct / 100) * sorted.length))];
}
