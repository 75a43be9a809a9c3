/**
 * Builds the scale bench's projects (issue 19) in the page, through the studio's own storage code: one project of
 * 3-axis 100 Hz gestures and one of 16 kHz sounds, written a batch of samples per transaction so that the page
 * never holds more than one batch of values. Reached only through the `?studioTest` hooks.
 */
import type { SampleMeta, SampleValues, SensorInfo } from '../../core/dataset/sample';
import { defaultCategories } from '../../core/dataset/split';
import {
  SCALE_AUDIO_SENSORS,
  SCALE_GESTURES,
  SCALE_IMU_SENSORS,
  SCALE_SOUNDS,
  gestureValues,
  soundValues,
} from '../../core/dataset/scaleData';
import { StudioError } from '../../core/errors';
import { newId } from '../../core/ids';
import type { StudioDb } from './studioDb';

export interface ScaleSeedRequest {
  /** 10 s gesture recordings at 100 Hz. */
  imuSamples: number;
  /** Audio clips at 16 kHz, each `audioClipMs` long. */
  audioClips: number;
  audioClipMs: number;
}

export interface SeededProject {
  id: string;
  name: string;
  samples: number;
  /** Bytes of sample values written. */
  bytes: number;
}

const IMU_HZ = 100;
const IMU_MS = 10_000;
const AUDIO_HZ = 16_000;
/** Samples per transaction: small enough that one batch of audio stays a few MB in the page. */
const BATCH = 40;

interface Kind {
  projectName: string;
  count: number;
  labels: readonly string[];
  sensors: SensorInfo[];
  hz: number;
  frames: number;
  values: (label: string, frames: number, hz: number, seed: number) => SampleValues;
}

function checkCount(what: string, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 100_000)
    throw new StudioError('invalid-request', `${what} must be a whole number from 0 to 100,000, not ${n}.`);
}

/** Writes the projects the request asks for and says what was written. */
export async function seedScaleProjects(db: StudioDb, request: ScaleSeedRequest): Promise<SeededProject[]> {
  checkCount('imuSamples', request.imuSamples);
  checkCount('audioClips', request.audioClips);
  if (!(request.audioClipMs >= 100 && request.audioClipMs <= 60_000))
    throw new StudioError(
      'invalid-request',
      `audioClipMs must be from 100 to 60,000, not ${request.audioClipMs}.`,
    );
  const kinds: Kind[] = [
    {
      projectName: `Scale gestures (${request.imuSamples} × 10 s)`,
      count: request.imuSamples,
      labels: SCALE_GESTURES,
      sensors: SCALE_IMU_SENSORS,
      hz: IMU_HZ,
      frames: (IMU_MS * IMU_HZ) / 1000,
      values: (label, frames, hz, seed) =>
        gestureValues(label as (typeof SCALE_GESTURES)[number], frames, hz, seed),
    },
    {
      projectName: `Scale sounds (${request.audioClips} × ${request.audioClipMs / 1000} s)`,
      count: request.audioClips,
      labels: SCALE_SOUNDS,
      sensors: SCALE_AUDIO_SENSORS,
      hz: AUDIO_HZ,
      frames: Math.round((request.audioClipMs * AUDIO_HZ) / 1000),
      values: (label, frames, hz, seed) =>
        soundValues(label as (typeof SCALE_SOUNDS)[number], frames, hz, seed),
    },
  ];
  const seeded: SeededProject[] = [];
  for (const kind of kinds) if (kind.count > 0) seeded.push(await seedProject(db, kind));
  return seeded;
}

async function seedProject(db: StudioDb, kind: Kind): Promise<SeededProject> {
  const project = await db.createProject(kind.projectName);
  const now = Date.now();
  const metas: SampleMeta[] = Array.from({ length: kind.count }, (_, i) => {
    const label = kind.labels[i % kind.labels.length];
    return {
      id: newId(),
      projectId: project.id,
      name: `${label}.${String(i).padStart(5, '0')}`,
      label,
      category: 'training',
      enabled: true,
      sensors: kind.sensors,
      intervalMs: 1000 / kind.hz,
      frameCount: kind.frames,
      deviceName: 'scale bench',
      deviceType: 'SYNTHETIC',
      // One millisecond apart, so the list keeps the order they were made in.
      createdAt: now + i,
      updatedAt: now + i,
    };
  });
  const categories = defaultCategories(metas);
  let bytes = 0;
  for (let start = 0; start < metas.length; start += BATCH) {
    const put = metas.slice(start, start + BATCH).map((m, k) => {
      const values = kind.values(m.label, kind.frames, kind.hz, start + k + 1);
      bytes += values.byteLength;
      return { meta: { ...m, category: categories.get(m.id)! }, values };
    });
    await db.commit(project.id, { put, remove: [] });
  }
  return { id: project.id, name: project.name, samples: metas.length, bytes };
}
