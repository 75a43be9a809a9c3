/** The data model of a recorded or imported sample (DESIGN.md §3). */

export interface SensorInfo {
  name: string;
  units: string;
}

export type SampleCategory = 'training' | 'testing';

/** Everything about a sample except its values: cheap to list and filter by the thousand. */
export interface SampleMeta {
  id: string;
  projectId: string;
  /** Display name, usually the source file name without extension. */
  name: string;
  label: string;
  category: SampleCategory;
  enabled: boolean;
  sensors: SensorInfo[];
  /** Time between two frames in ms; may be fractional (0.0625 ms = 16 kHz). */
  intervalMs: number;
  /** Number of frames (values.length / sensors.length). */
  frameCount: number;
  deviceName: string;
  deviceType: string;
  /**
   * Recorded from a live source: how many times its stream broke during the recording (frames lost in transit or
   * corrupt, malformed lines), each a place where the values jump over missing readings; 0 for an unbroken
   * recording, absent for imported samples. Crop and split keep the count, since where the breaks were is not
   * recorded: it stays a warning that a part may contain one.
   */
  streamGaps?: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * Values interleaved by axis: frame i, axis a is values[i * axes + a].
 * Audio is Int16Array (raw PCM), every other sensor Float32Array.
 */
export type SampleValues = Float32Array | Int16Array;

export interface SampleData {
  id: string;
  values: SampleValues;
}

export interface Sample extends SampleMeta {
  values: SampleValues;
}

/** What a parser produces from a file, before it gets an id, project and category. */
export interface ParsedSample {
  name: string;
  label: string | null;
  sensors: SensorInfo[];
  intervalMs: number;
  values: SampleValues;
  deviceName: string;
  deviceType: string;
  /** The category, when the file says so (only the project archive does). */
  category?: SampleCategory;
}

export const AUDIO_UNITS = 'wav';

export function isAudio(meta: Pick<SampleMeta, 'sensors'>): boolean {
  return meta.sensors.length === 1 && meta.sensors[0].units === AUDIO_UNITS;
}

export function durationMs(meta: Pick<SampleMeta, 'frameCount' | 'intervalMs'>): number {
  return meta.frameCount * meta.intervalMs;
}

export function frequencyHz(meta: Pick<SampleMeta, 'intervalMs'>): number {
  return 1000 / meta.intervalMs;
}

export function withMeta(meta: SampleMeta, values: SampleValues): Sample {
  return { ...meta, values };
}

export function splitSample(sample: Sample): { meta: SampleMeta; data: SampleData } {
  const { values, ...meta } = sample;
  return { meta, data: { id: sample.id, values } };
}
