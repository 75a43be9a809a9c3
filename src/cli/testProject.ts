/**
 * The fixtures the CLI tests share: the MLPerf Tiny keyword model and a project archive ("Hand") with a trained
 * gesture classifier "Gestures", an impulse without a model "Untrained" and, when asked, a trained k-means
 * anomaly impulse "Anomaly".
 */
import { resolve } from 'node:path';
import type { Project } from '../core/dataset/project';
import type { Sample } from '../core/dataset/sample';
import { exportProjectArchive } from '../core/formats/projectArchive';
import {
  gestureSamples,
  GESTURE_IMPULSE,
  trainedAnomaly,
  trainedClassifier,
} from '../core/formats/testUtils/trainedModels';
import type { Impulse } from '../core/impulse/impulse';
import type { LabelledSample } from '../core/learn/trainingSet';

export const KWS_TFLITE = resolve(process.cwd(), '../shared/testdata/tflite/kws_ref_model.tflite');

/** A virtual-board recording as the project stores it. */
export function storedSample(
  s: LabelledSample,
  fields: Pick<Sample, 'id' | 'projectId' | 'name' | 'category'>,
): Sample {
  return {
    ...s,
    ...fields,
    enabled: true,
    frameCount: s.values.length / s.sensors.length,
    deviceName: 'virtual',
    deviceType: 'VIRTUAL_BOARD',
    createdAt: 1,
    updatedAt: 1,
  };
}

const project: Project = { id: 'p1', name: 'Hand', createdAt: 1, updatedAt: 1 };
const labelled = gestureSamples(['s1', 's2', 's3', 's4'], 8);
const samples = labelled.map((s) =>
  storedSample(s, { id: s.id, projectId: project.id, name: `${s.label}.1`, category: 'training' }),
);
const impulse = (id: string, name: string): Impulse => ({
  id,
  projectId: project.id,
  name,
  ...GESTURE_IMPULSE,
  createdAt: 1,
  updatedAt: 1,
});

/** The archive's bytes (trains its models: allow a minute). */
export async function gestureProjectZip(options: { withAnomaly: boolean }): Promise<Uint8Array> {
  const classifier = await trainedClassifier(labelled, 'i1', project.id);
  const impulses = [impulse('i1', 'Gestures'), impulse('i2', 'Untrained')];
  if (!options.withAnomaly) return exportProjectArchive(project, samples, impulses, [classifier]);
  const anomaly = await trainedAnomaly(labelled, 'i3', project.id);
  return exportProjectArchive(
    project,
    samples,
    [...impulses, impulse('i3', 'Anomaly')],
    [classifier, anomaly],
  );
}
