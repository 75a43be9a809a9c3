/** Helpers shared by the database tests (not used by the app). */
import type { Sample, SampleMeta } from '../../core/dataset/sample';
import type { Impulse } from '../../core/impulse/impulse';
import { newId } from '../../core/ids';
import { openStudioDb } from './openStudioDb';
import type { StudioDb } from './studioDb';

export function uniqueDbName(): string {
  return `test-${newId()}`;
}

/** A clock that ticks 1 ms per call, so every write gets a distinct, ordered timestamp. */
export function tickingClock(start = 1_700_000_000_000): () => number {
  let t = start;
  return () => ++t;
}

export function openTestDb(): Promise<StudioDb> {
  return openStudioDb({ name: uniqueDbName(), now: tickingClock() });
}

let created = 0;

function baseMeta(
  projectId: string,
  label: string,
): Omit<SampleMeta, 'sensors' | 'intervalMs' | 'frameCount'> {
  created++;
  return {
    id: newId(),
    projectId,
    name: `${label}.${created}`,
    label,
    category: 'training',
    enabled: true,
    deviceName: 'test-device',
    deviceType: 'VIRTUAL',
    createdAt: created,
    updatedAt: created,
  };
}

/** A 3-axis accelerometer sample whose values include the awkward floats (−0, NaN, subnormal). */
export function imuSample(projectId: string, label: string, frames = 4): Sample {
  const values = new Float32Array(frames * 3);
  for (let i = 0; i < values.length; i++) values[i] = Math.sin(i + created) * 9.81;
  values.set([-0, Number.NaN, 1e-40].slice(0, values.length));
  return {
    ...baseMeta(projectId, label),
    sensors: [
      { name: 'accX', units: 'm/s2' },
      { name: 'accY', units: 'm/s2' },
      { name: 'accZ', units: 'm/s2' },
    ],
    intervalMs: 16,
    frameCount: frames,
    values,
  };
}

export function audioSample(projectId: string, label: string, frames = 16): Sample {
  const values = new Int16Array(frames);
  for (let i = 0; i < frames; i++) values[i] = ((i * 7919 + created) % 65536) - 32768;
  return {
    ...baseMeta(projectId, label),
    sensors: [{ name: 'audio', units: 'wav' }],
    intervalMs: 0.0625,
    frameCount: frames,
    values,
  };
}

/** Samples and an impulse as a project import hands them over: new ids, no project yet. */
export function importedContents(samples = [imuSample('', 'wave', 20), audioSample('', 'yes', 300)]): {
  samples: Array<Omit<Sample, 'projectId'>>;
  impulses: Array<Omit<Impulse, 'projectId'>>;
} {
  const impulse: Omit<Impulse, 'projectId'> = {
    id: newId(),
    name: 'Gestures',
    input: { windowSizeMs: 200, windowStrideMs: 100, frequencyHz: 62.5, zeroPad: true, axes: ['accX'] },
    dsp: { block: 'raw', params: {} },
    createdAt: 5,
    updatedAt: 5,
  };
  return { samples: samples.map(({ projectId: _projectId, ...s }) => s), impulses: [impulse] };
}

/** The raw bytes of typed values, for bit-exact comparisons (NaN and −0 included). */
export function bytesOf(values: Float32Array | Int16Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** Everything stored for a project: metas in list order, each with its values. */
export async function snapshot(db: StudioDb, projectId: string): Promise<Sample[]> {
  const metas = await db.listSamples(projectId);
  return Promise.all(metas.map((meta) => db.getSample(meta.id)));
}

/** Samples with values turned into their class name and bytes, so `toEqual` compares them bit-exactly. */
export function comparable(
  samples: Sample[],
): Array<Omit<Sample, 'values'> & { values: { type: string; bytes: number[] } }> {
  return samples.map((s) => ({
    ...s,
    values: { type: s.values.constructor.name, bytes: Array.from(bytesOf(s.values)) },
  }));
}
