import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Impulse } from '../../core/impulse/impulse';
import { newId } from '../../core/ids';
import type { TrainedModel } from '../../core/learn/trainedModel';
import { defaultLearnBlock } from '../../core/learn/learnBlock';
import { openTestDb } from './testFixtures';

function impulse(projectId: string): Impulse {
  return {
    id: newId(),
    projectId,
    name: 'Gestures',
    input: { windowSizeMs: 2000, windowStrideMs: 500, frequencyHz: 62.5, zeroPad: true, axes: ['accX'] },
    dsp: { block: 'spectral', params: {} },
    createdAt: 1,
    updatedAt: 1,
  };
}

function model(imp: Impulse, createdAt: number): TrainedModel {
  return {
    impulseId: imp.id,
    projectId: imp.projectId,
    createdAt,
    learn: defaultLearnBlock('classifier', [33]),
    labels: ['a', 'b'],
    configHash: 'h',
    featureShape: [33],
    backend: 'wasm',
    durationMs: 10,
    trainWindows: 8,
    validationWindows: 2,
    float: {
      tensors: [{ name: 'w', shape: [2], dtype: 'float32', data: Float32Array.of(1, 2) }],
      ops: [],
      inputs: [],
      outputs: [],
    },
    history: [],
    keptEpoch: 1,
    stoppedEarly: false,
    validation: {
      kind: 'classifier',
      accuracy: 1,
      loss: 0.1,
      confusion: [
        [1, 0],
        [0, 1],
      ],
      perClass: [],
      weightedF1: 1,
    },
    explorer: {
      points: new Float32Array(4),
      sampleIds: ['s'],
      rowSample: new Int32Array(2),
      rowStartMs: new Float32Array(2),
      actual: new Int32Array(2),
      predicted: new Int32Array(2),
      validation: new Uint8Array(2),
    },
  };
}

describe('trained models and training runs', () => {
  it('saves a model with its completed run and reads it back typed', async () => {
    const db = await openTestDb();
    const p = await db.createProject('P');
    const imp = impulse(p.id);
    await db.putImpulse(imp);
    await db.saveModel(model(imp, 5), {
      impulseId: imp.id,
      projectId: p.id,
      status: 'completed',
      startedAt: 1,
      endedAt: 5,
    });
    const back = await db.getModel(imp.id);
    expect(back?.createdAt).toBe(5);
    expect(back?.float?.tensors[0].data).toBeInstanceOf(Float32Array);
    expect((await db.getTrainingRun(imp.id))?.status).toBe('completed');
  });

  it('marks runs left running by a closed page as cancelled and keeps the previous model', async () => {
    const db = await openTestDb();
    const p = await db.createProject('P');
    const imp = impulse(p.id);
    await db.putImpulse(imp);
    await db.saveModel(model(imp, 5), {
      impulseId: imp.id,
      projectId: p.id,
      status: 'completed',
      startedAt: 1,
      endedAt: 5,
    });
    await db.putTrainingRun({ impulseId: imp.id, projectId: p.id, status: 'running', startedAt: 9 });
    expect(await db.cancelInterruptedRuns(p.id)).toBe(1);
    expect(await db.getTrainingRun(imp.id)).toMatchObject({
      status: 'cancelled',
      message: expect.stringContaining('reloaded'),
    });
    expect((await db.getModel(imp.id))?.createdAt).toBe(5);
    expect(await db.cancelInterruptedRuns(p.id)).toBe(0);
  });

  it('deletes the model and run with their impulse, and with their project', async () => {
    const db = await openTestDb();
    const p = await db.createProject('P');
    const [a, b] = [impulse(p.id), impulse(p.id)];
    for (const imp of [a, b]) {
      await db.putImpulse(imp);
      await db.saveModel(model(imp, 5), {
        impulseId: imp.id,
        projectId: p.id,
        status: 'completed',
        startedAt: 1,
      });
    }
    await db.deleteImpulse(a.id);
    expect(await db.getModel(a.id)).toBeUndefined();
    expect(await db.getTrainingRun(a.id)).toBeUndefined();
    await db.deleteProject(p.id);
    expect(await db.getModel(b.id)).toBeUndefined();
  });
});
