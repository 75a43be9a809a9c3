/**
 * Trained models in a project archive (docs/projectArchive.md): one folder per model, `models/<n>/`, where n is
 * the index of its impulse in the manifest, holding
 *
 *   model.json            metadata, metrics, history, int8 calibration (projectArchiveModelSchema.ts)
 *   model_float32.tflite  the float32 network, written by the studio's TFLite writer (absent for k-means)
 *   model_int8.tflite     the int8 network, once quantised
 *   explorer.bin          the training explorer's arrays
 *
 * A `.tflite` holds the whole graph (every tensor, op and the input standardisation) and the studio's
 * reader gives back the graph it was written from, so any op the writer supports round-trips; the files are
 * also what a user hands in. Reading checks each file's size and checksum, reads the networks with the
 * bounds-checked reader, and checks that the parts fit together, so a restored model runs on the Testing page.
 */
import { strFromU8, strToU8 } from 'fflate';
import { fnv1a32Bytes, hashHex } from '../dataset/hash';
import { describeError } from '../errors';
import { elementCount, type Graph } from '../ir/graph';
import { prepareInterpreter } from '../interp/interpreter';
import type { TrainedModel, TrainingExplorer } from '../learn/trainedModel';
import { readTflite, writeTflite } from '../tflite';
import {
  EXPLORER_FILE,
  FLOAT_FILE,
  INT8_FILE,
  keepSpecialNumbers,
  MODEL_FORMAT,
  MODEL_VERSION,
  modelJsonSchema,
  type ModelJson,
} from './projectArchiveModelSchema';

export const MODEL_JSON = 'model.json';
/** Far above any real model's metadata (its epoch history is the longest part). */
export const MAX_MODEL_JSON_BYTES = 64 * 1024 ** 2;

/** A trained model as an archive holds it: no ids (the importer gives it its impulse's and project's). */
export type ArchivedModelContent = Omit<TrainedModel, 'impulseId' | 'projectId'>;

export interface ArchivedModel {
  /** Index of its impulse in the archive's impulses. */
  impulse: number;
  model: ArchivedModelContent;
}

/** Raised with a problem phrased for the user; the archive reader names the model and the archive. */
export type ModelFail = (problem: string, cause?: unknown) => never;

export const modelDir = (impulse: number) => `models/${impulse}/`;

const fileEntry = <Name extends string>(file: Name, bytes: Uint8Array) => ({
  file,
  bytes: bytes.length,
  checksum: hashHex(fnv1a32Bytes(bytes)),
});

/** The files of a model's folder, by name within the folder. */
export function modelFiles(model: TrainedModel): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const explorer = packExplorer(model.explorer);
  files[EXPLORER_FILE] = explorer;
  const json: ModelJson = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdAt: model.createdAt,
    learn: model.learn,
    labels: model.labels,
    configHash: model.configHash,
    featureShape: model.featureShape,
    backend: model.backend,
    durationMs: model.durationMs,
    trainWindows: model.trainWindows,
    validationWindows: model.validationWindows,
    history: model.history,
    keptEpoch: model.keptEpoch,
    stoppedEarly: model.stoppedEarly,
    validation: model.validation,
    explorer: {
      ...fileEntry(EXPLORER_FILE, explorer),
      rows: model.explorer.rowSample.length,
      points: model.explorer.points.length,
      sampleIds: model.explorer.sampleIds,
    },
  };
  if (model.anomaly) json.anomaly = model.anomaly;
  if (model.float) {
    files[FLOAT_FILE] = writeTflite(model.float);
    json.float32 = fileEntry(FLOAT_FILE, files[FLOAT_FILE]);
  }
  if (model.int8) {
    const { graph, ...meta } = model.int8;
    files[INT8_FILE] = writeTflite(graph);
    json.int8 = { ...fileEntry(INT8_FILE, files[INT8_FILE]), ...meta };
  }
  files[MODEL_JSON] = strToU8(JSON.stringify(json, keepSpecialNumbers, 1));
  return files;
}

/** model.json read and validated; `path` names it in problems. */
export function parseModelJson(bytes: Uint8Array, path: string, fail: ModelFail): ModelJson {
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(bytes));
  } catch (e) {
    return fail(`${path} is not valid JSON`, e);
  }
  const { format, version } = (json ?? {}) as Record<string, unknown>;
  if (format !== MODEL_FORMAT) fail(`${path} is not a TinyML Studio model description`);
  if (version !== MODEL_VERSION) {
    fail(`${path} uses model format version ${JSON.stringify(version)}; this studio reads ${MODEL_VERSION}`);
  }
  const parsed = modelJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`${path}: ${issue.path.map(String).join('.') || 'the file'} ${issue.message}`);
  }
  return parsed.data;
}

/** The files model.json lists, with the size each must have. */
export function expectedModelFiles(json: ModelJson): Map<string, number> {
  const files = new Map<string, number>([[EXPLORER_FILE, json.explorer.bytes]]);
  if (json.float32) files.set(FLOAT_FILE, json.float32.bytes);
  if (json.int8) files.set(INT8_FILE, json.int8.bytes);
  return files;
}

/** The model from its description and files (by name within `dir`), after checking that they fit together. */
export function assembleModel(
  json: ModelJson,
  files: Record<string, Uint8Array>,
  dir: string,
  fail: ModelFail,
): ArchivedModelContent {
  const file = (entry: { file: string; bytes: number; checksum: string }): Uint8Array => {
    const bytes = files[entry.file];
    if (!bytes) return fail(`${dir}${entry.file} is missing`);
    if (bytes.length !== entry.bytes || hashHex(fnv1a32Bytes(bytes)) !== entry.checksum) {
      fail(`${dir}${entry.file} is damaged (its size or checksum does not match model.json)`);
    }
    return bytes;
  };
  const network = (entry: { file: string; bytes: number; checksum: string }): Graph => {
    const bytes = file(entry);
    try {
      const graph = readTflite(bytes, `${dir}${entry.file}`);
      prepareInterpreter(graph);
      return graph;
    } catch (e) {
      return fail(describeError(e), e);
    }
  };
  const model: ArchivedModelContent = {
    createdAt: json.createdAt,
    learn: json.learn,
    labels: json.labels,
    configHash: json.configHash,
    featureShape: json.featureShape,
    backend: json.backend,
    durationMs: json.durationMs,
    trainWindows: json.trainWindows,
    validationWindows: json.validationWindows,
    history: json.history,
    keptEpoch: json.keptEpoch,
    stoppedEarly: json.stoppedEarly,
    validation: json.validation,
    explorer: unpackExplorer(json.explorer, file(json.explorer), `${dir}${EXPLORER_FILE}`, fail),
  };
  if (json.anomaly) model.anomaly = json.anomaly;
  if (json.float32) model.float = network(json.float32);
  if (json.int8) {
    const { file: _file, bytes: _bytes, checksum: _checksum, ...meta } = json.int8;
    model.int8 = { graph: network(json.int8), ...meta };
  }
  const problem = mismatch(model);
  if (problem) fail(`the files in ${dir} do not fit together: ${problem}`);
  return model;
}

/** Why the parts of a model do not fit together (it could not be tested), or null. */
function mismatch(model: ArchivedModelContent): string | null {
  const features = elementCount(model.featureShape);
  if (model.learn.kind === 'anomaly') {
    if (!model.anomaly) return 'a k-means model without its clusters';
    if (model.float || model.int8) return 'a k-means model with a network';
    const k = model.anomaly.featureIndices.length;
    if (model.anomaly.featureIndices.some((i) => i >= features))
      return 'its clusters use features it has not';
    const sizes = [model.anomaly.mean, model.anomaly.std, ...model.anomaly.clusters.map((c) => c.center)];
    if (sizes.some((v) => v.length !== k)) return `its clusters are not all over ${k} features`;
    return null;
  }
  if (!model.float) return 'a neural network without its float32 model';
  if (model.anomaly) return 'a neural network with k-means clusters';
  const classifier = model.learn.kind === 'classifier';
  const outputs = classifier ? model.labels.length : 1;
  const wanted = classifier ? `${outputs} label${outputs === 1 ? '' : 's'}` : 'one value';
  for (const [name, graph] of [
    ['float32', model.float],
    ['int8', model.int8?.graph],
  ] as const) {
    if (!graph) continue;
    const size = (index: number | undefined) => {
      const t = index === undefined ? undefined : graph.tensors[index];
      return t ? elementCount(t.shape) : 0;
    };
    const [inputs, outs] = [size(graph.inputs[0]), size(graph.outputs[0])];
    if (inputs !== features)
      return `the ${name} network takes ${inputs} features, not the ${features} trained on`;
    if (outs !== outputs) return `the ${name} network gives ${outs} outputs for ${wanted}`;
  }
  return null;
}

const EXPLORER_ROW_BYTES = 4 + 4 + 4 + 4 + 1;

function packExplorer(e: TrainingExplorer): Uint8Array {
  const rows = e.rowSample.length;
  const bytes = new Uint8Array(4 * e.points.length + EXPLORER_ROW_BYTES * rows);
  const view = new DataView(bytes.buffer);
  let at = 0;
  // Floats through their bit patterns, so every value (NaN payloads too) comes back exactly.
  const floats = (a: Float32Array) =>
    new Uint32Array(a.buffer, a.byteOffset, a.length).forEach((v) => {
      view.setUint32(at, v, true);
      at += 4;
    });
  const ints = (a: Int32Array) =>
    a.forEach((v) => {
      view.setInt32(at, v, true);
      at += 4;
    });
  floats(e.points);
  ints(e.rowSample);
  floats(e.rowStartMs);
  ints(e.actual);
  ints(e.predicted);
  bytes.set(e.validation, at);
  return bytes;
}

function unpackExplorer(
  entry: ModelJson['explorer'],
  bytes: Uint8Array,
  path: string,
  fail: ModelFail,
): TrainingExplorer {
  const { rows, points, sampleIds } = entry;
  if (bytes.length !== 4 * points + EXPLORER_ROW_BYTES * rows) {
    fail(`${path} has ${bytes.length} bytes, not the ${points} points and ${rows} rows model.json says`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const floats = (n: number) => {
    const out = new Float32Array(n);
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < n; i++, at += 4) bits[i] = view.getUint32(at, true);
    return out;
  };
  const ints = (n: number) => {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++, at += 4) out[i] = view.getInt32(at, true);
    return out;
  };
  const explorer: TrainingExplorer = {
    points: floats(points),
    sampleIds,
    rowSample: ints(rows),
    rowStartMs: floats(rows),
    actual: ints(rows),
    predicted: ints(rows),
    validation: bytes.slice(at, at + rows),
  };
  if (explorer.rowSample.some((s) => s < 0 || s >= sampleIds.length)) {
    fail(`${path} refers to a sample model.json does not list`);
  }
  return explorer;
}
