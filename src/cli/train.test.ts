import { describe, expect, it } from 'vitest';
import { exportProjectArchive } from '../core/formats/projectArchive';
import { GESTURE_IMPULSE, gestureBenchSamples } from '../core/learn/gestureBenchSet';
import { defaultLearnBlock } from '../core/learn/learnBlock';
import { readTflite } from '../core/tflite';
import type { Impulse } from '../core/impulse/impulse';
import type { Sample } from '../core/dataset/sample';
import { fakeIo } from './fakeIo';
import { runCli } from './run';

function projectZip(): Uint8Array {
  const project = { id: 'p1', name: 'Gestures', createdAt: 1, updatedAt: 1 };
  const samples: Sample[] = gestureBenchSamples(40).map((s, i) => ({
    ...s,
    id: `s${i}`,
    projectId: 'p1',
    name: `${s.label}.1`,
    category: 'training',
    enabled: true,
    frameCount: s.values.length / s.sensors.length,
    deviceName: 'virtual',
    deviceType: 'VIRTUAL_BOARD',
    createdAt: 1,
    updatedAt: 1,
  }));
  const impulse: Impulse = {
    id: 'i1',
    projectId: 'p1',
    name: 'Gestures',
    ...GESTURE_IMPULSE,
    learn: defaultLearnBlock('classifier', [33]),
    createdAt: 1,
    updatedAt: 1,
  };
  return exportProjectArchive(project, samples, [impulse]);
}

describe('studio train', () => {
  it('trains an impulse of an exported project and writes model.json and both .tflite files', async () => {
    const t = fakeIo({ 'p.zip': projectZip() });
    expect(
      await runCli(
        [
          'train',
          '--project',
          'p.zip',
          '--impulse',
          'Gestures',
          '--epochs',
          '8',
          '--backend',
          'cpu',
          '--out',
          'm',
        ],
        t.io,
      ),
    ).toBe(0);
    const summary = JSON.parse(t.out[0]) as {
      labels: string[];
      epochs: number;
      files: string[];
      validation: { accuracy: number };
    };
    expect(summary.labels).toEqual(['circle', 'idle', 'punch', 'wave']);
    expect(summary.epochs).toBe(8);
    expect(summary.files).toEqual(['model.json', 'model_float32.tflite', 'model_int8.tflite']);
    expect(summary.validation.accuracy).toBeGreaterThan(0.8);
    const int8 = readTflite(t.written['m/model_int8.tflite'] as Uint8Array);
    expect(int8.tensors[int8.inputs[0]].dtype).toBe('int8');
    expect(readTflite(t.written['m/model_float32.tflite'] as Uint8Array).ops.map((o) => o.kind)).toEqual([
      'FULLY_CONNECTED',
      'FULLY_CONNECTED',
      'FULLY_CONNECTED',
      'SOFTMAX',
    ]);
    expect(JSON.parse(t.written['m/model.json'] as string)).toMatchObject({
      impulse: 'Gestures',
      kind: 'classifier',
    });
  });

  it('names the impulses the project has when the one asked for is missing', async () => {
    const t = fakeIo({ 'p.zip': projectZip() });
    expect(await runCli(['train', '--project', 'p.zip', '--impulse', 'Nope', '--out', 'm'], t.io)).toBe(1);
    expect(t.err.join('\n')).toContain('the project has no impulse named "Nope" (it has "Gestures")');
  });

  it('refuses a bad --epochs', async () => {
    const t = fakeIo();
    expect(
      await runCli(['train', '--project', 'p.zip', '--impulse', 'x', '--epochs', '0', '--out', 'm'], t.io),
    ).toBe(2);
  });
});
