import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { FormatError } from '../errors';
import { fnv1a32Bytes, hashHex } from '../dataset/hash';
import type { Project } from '../dataset/project';
import type { Sample } from '../dataset/sample';
import type { Impulse } from '../impulse/impulse';
import { graphRunner } from '../learn/modelRunner';
import { trainingSetFromSamples } from '../learn/trainingSet';
import type { TrainedModel } from '../learn/trainedModel';
import { readTflite, writeTflite } from '../tflite';
import { exportProjectArchive, importProjectArchive } from './projectArchive';
import { MANIFEST_PATH } from './projectArchiveLayout';
import {
  GESTURE_IMPULSE,
  gestureSamples,
  trainedAnomaly,
  trainedClassifier,
} from './testUtils/trainedModels';

const project: Project = { id: 'proj-1', name: 'Hand-in', createdAt: 1, updatedAt: 2 };
const ids = ['s-circle', 's-idle', 's-punch', 's-wave'];
const labelled = gestureSamples(ids);
const samples: Sample[] = labelled.map((s) => ({
  ...s,
  projectId: project.id,
  name: `${s.label}.1`,
  category: 'training',
  enabled: true,
  frameCount: s.values.length / s.sensors.length,
  deviceName: 'virtual',
  deviceType: 'VIRTUAL_BOARD',
  createdAt: 1,
  updatedAt: 1,
}));
const impulse = (id: string, name: string): Impulse => ({
  id,
  projectId: project.id,
  name,
  ...GESTURE_IMPULSE,
  createdAt: 1,
  updatedAt: 1,
});
const impulses = [
  impulse('imp-1', 'Gestures'),
  impulse('imp-2', 'Odd motion'),
  impulse('imp-3', 'Untrained'),
];
const rows = trainingSetFromSamples(GESTURE_IMPULSE, labelled).set.rows;

let classifier: TrainedModel;
let anomaly: TrainedModel;
let archive: Uint8Array;

beforeAll(async () => {
  classifier = await trainedClassifier(labelled, 'imp-1');
  anomaly = await trainedAnomaly(labelled, 'imp-2');
  archive = exportProjectArchive(project, samples, impulses, [classifier, anomaly]);
}, 60_000);

const withoutIds = ({ impulseId: _i, projectId: _p, ...rest }: TrainedModel) => rest;

/** The archive with its entries changed by `edit` (entries by path, model.json as text). */
function tampered(edit: (entries: Record<string, Uint8Array>) => void, zippable?: (z: Zippable) => void) {
  const entries = unzipSync(archive);
  edit(entries);
  const z: Zippable = { ...entries };
  zippable?.(z);
  return zipSync(z);
}

const editJson = (
  entries: Record<string, Uint8Array>,
  path: string,
  edit: (j: Record<string, unknown>) => void,
) => {
  const json = JSON.parse(strFromU8(entries[path]));
  edit(json);
  entries[path] = strToU8(JSON.stringify(json));
};

describe('trained models in the project archive', () => {
  it('come back equal: the same graphs, .tflite bytes, metrics, history, int8 calibration and explorer', () => {
    const back = importProjectArchive('hand-in.zip', archive);
    expect(back.modelProblems).toEqual([]);
    expect(back.models.map((m) => m.impulse)).toEqual([0, 1]);
    expect(back.models[0].model).toStrictEqual(withoutIds(classifier));
    expect(back.models[1].model).toStrictEqual(withoutIds(anomaly));
    const restored = back.models[0].model;
    expect(writeTflite(restored.float!)).toEqual(writeTflite(classifier.float!));
    expect(writeTflite(restored.int8!.graph)).toEqual(writeTflite(classifier.int8!.graph));
  });

  it('run exactly as before on the interpreter, float32 and int8', () => {
    const restored = importProjectArchive('hand-in.zip', archive).models[0].model;
    const pairs = [
      [graphRunner(classifier.float!), graphRunner(restored.float!)],
      [graphRunner(classifier.int8!.graph), graphRunner(restored.int8!.graph)],
    ];
    for (const [before, after] of pairs) {
      for (const row of rows) expect(after(row)).toEqual(before(row));
    }
  });

  it('are written in the documented layout, the .tflite files readable on their own', () => {
    const entries = unzipSync(archive);
    expect(
      Object.keys(entries)
        .filter((p) => p.startsWith('models/'))
        .sort(),
    ).toEqual([
      'models/0/explorer.bin',
      'models/0/model.json',
      'models/0/model_float32.tflite',
      'models/0/model_int8.tflite',
      'models/1/explorer.bin',
      'models/1/model.json',
    ]);
    expect(JSON.parse(strFromU8(entries[MANIFEST_PATH])).models).toEqual([{ impulse: 0 }, { impulse: 1 }]);
    const json = JSON.parse(strFromU8(entries['models/0/model.json']));
    expect(json).toMatchObject({
      format: 'tinyml-studio-model',
      version: 1,
      labels: ['circle', 'idle', 'punch', 'wave'],
      float32: { file: 'model_float32.tflite' },
      int8: { file: 'model_int8.tflite', ioType: 'int8', calibration: { method: 'minmax' } },
      explorer: { file: 'explorer.bin', sampleIds: ids },
    });
    expect(readTflite(entries['models/0/model_int8.tflite']).tensors[0].dtype).toBeDefined();
  });

  it('keep numbers JSON cannot hold: a diverged NaN loss, infinities, −0', () => {
    const odd: TrainedModel = {
      ...anomaly,
      history: [{ epoch: 1, loss: NaN, valLoss: Infinity, accuracy: -0, valAccuracy: null, elapsedMs: 3 }],
      validation: { kind: 'anomaly', insideFraction: -0, scoreP50: NaN, scoreP95: -Infinity },
    };
    const [back] = importProjectArchive(
      'x.zip',
      exportProjectArchive(project, samples, impulses, [odd]),
    ).models;
    expect(back.model).toStrictEqual(withoutIds(odd));
  });

  it('are absent from archives without any, which import as before', () => {
    const plain = exportProjectArchive(project, samples, impulses);
    expect(JSON.parse(strFromU8(unzipSync(plain)[MANIFEST_PATH]))).not.toHaveProperty('models');
    const back = importProjectArchive('old.zip', plain);
    expect(back.models).toEqual([]);
    expect(back.modelProblems).toEqual([]);
    expect(back.samples).toHaveLength(samples.length);
  });

  it('are refused on export when their impulse is not exported with them', () => {
    expect(() => exportProjectArchive(project, samples, impulses.slice(1), [classifier])).toThrow(
      /impulse id imp-1\) has no impulse of its own/,
    );
  });
});

describe('a damaged model in the project archive', () => {
  /** Imports `zip`: the samples and the k-means model always come back; the gesture model is left out. */
  function leftOut(zip: Uint8Array, problem: RegExp) {
    const back = importProjectArchive('hand-in.zip', zip);
    expect(back.samples).toHaveLength(samples.length);
    expect(back.impulses).toHaveLength(3);
    expect(back.models.map((m) => m.impulse)).toEqual([1]);
    expect(back.modelProblems).toHaveLength(1);
    const [e] = back.modelProblems;
    expect(e).toBeInstanceOf(FormatError);
    expect(e.message.split('the project was imported')).toHaveLength(2);
    expect(e.message).toMatch(
      /^hand-in\.zip: the project was imported without the trained model of impulse “Gestures”: .*\. Train it again\.$/,
    );
    expect(e.message).toMatch(problem);
  }

  it('is left out, named, when a file fails its checksum', () => {
    leftOut(
      tampered((f) => {
        f['models/0/model_int8.tflite'] = f['models/0/model_int8.tflite'].slice();
        f['models/0/model_int8.tflite'][200] ^= 1;
      }),
      /models\/0\/model_int8\.tflite is damaged \(its size or checksum does not match model\.json\)/,
    );
  });

  it('is left out when a file is missing or has another size than model.json says', () => {
    leftOut(
      tampered((f) => delete f['models/0/explorer.bin']),
      /models\/0\/explorer\.bin is missing/,
    );
    leftOut(
      tampered((f) => (f['models/0/model_float32.tflite'] = f['models/0/model_float32.tflite'].slice(8))),
      /models\/0\/model_float32\.tflite has \d+ bytes, not the \d+ model\.json says/,
    );
    leftOut(
      tampered((f) => delete f['models/0/model.json']),
      /models\/0\/model\.json is missing/,
    );
  });

  it('is left out when model.json is not JSON, of another format or version, or has a bad field', () => {
    leftOut(
      tampered((f) => (f['models/0/model.json'] = strToU8('{"format":'))),
      /models\/0\/model\.json is not valid JSON/,
    );
    leftOut(
      tampered((f) => editJson(f, 'models/0/model.json', (j) => (j.version = 9))),
      /model format version 9; this studio reads 1/,
    );
    leftOut(
      tampered((f) =>
        editJson(f, 'models/0/model.json', (j) => ((j.history as object[])[0] = { epoch: -1 })),
      ),
      /models\/0\/model\.json: history\.0\.epoch/,
    );
  });

  it('is left out when a network is not a valid .tflite, with the reader’s reason', () => {
    // A consistent size and checksum, so that only the reader can tell.
    leftOut(
      tampered((f) => {
        const bytes = f['models/0/model_int8.tflite'].slice();
        bytes.fill(0, 8, 64);
        f['models/0/model_int8.tflite'] = bytes;
        editJson(f, 'models/0/model.json', (j) => {
          (j.int8 as Record<string, unknown>).checksum = hashHex(fnv1a32Bytes(bytes));
        });
      }),
      /models\/0\/model_int8\.tflite: the model file is damaged/,
    );
  });

  it('is left out when its parts do not fit together (a network for other labels)', () => {
    leftOut(
      tampered((f) => editJson(f, 'models/0/model.json', (j) => (j.labels = ['a', 'b']))),
      /the files in models\/0\/ do not fit together: the float32 network gives 4 outputs for 2 labels/,
    );
  });

  it('is left out when its deflate stream is broken, naming the entry', () => {
    const entries = unzipSync(archive);
    const zip = zipSync({
      ...entries,
      'models/0/explorer.bin': [entries['models/0/explorer.bin'], { level: 9 }],
    });
    // Break the deflate data of that entry right after its local header.
    const name = strToU8('models/0/explorer.bin');
    const at = indexOf(zip, name) + name.length + 4;
    zip.fill(0xff, at, at + 16);
    leftOut(zip, /the archive is damaged and cannot be unpacked \(entry models\/0\/explorer\.bin\)/);
  });

  it('refuses the whole archive when the manifest lists a model of an impulse it does not have', () => {
    const zip = tampered((f) => editJson(f, MANIFEST_PATH, (m) => (m.models = [{ impulse: 7 }])));
    expect(() => importProjectArchive('hand-in.zip', zip)).toThrow(
      'hand-in.zip: tinyml-project.json lists a model of impulse 7, which it does not have',
    );
  });

  it('never throws anything but a FormatError over 300 damaged archives', () => {
    let state = 7;
    const rand = (n: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % n;
    };
    let modelProblems = 0;
    for (let i = 0; i < 300; i++) {
      const bytes = archive.slice();
      for (let flips = 1 + rand(6); flips > 0; flips--) bytes[rand(bytes.length)] ^= 1 << rand(8);
      try {
        modelProblems += importProjectArchive('fuzz.zip', bytes).modelProblems.length;
      } catch (e) {
        if (!(e instanceof FormatError)) throw new Error(`iteration ${i} threw ${String(e)}`, { cause: e });
      }
    }
    expect(modelProblems).toBeGreaterThan(0);
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
