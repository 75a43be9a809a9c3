/**
 * The project archive: a whole project as one zip, to back it up or move it to another browser.
 *
 *   tinyml-project.json   manifest: format, version, project, sample metadata, impulse designs, models
 *   samples/<id>.bin      each sample's values, raw little-endian int16 or float32, interleaved by axis
 *   models/<n>/           the trained model of impulse n, if any (projectArchiveModels.ts)
 *
 * The layout is documented in docs/projectArchive.md. Reading is defensive: the archive is a user's file and
 * may be truncated, damaged or hostile. Every entry's declared size is checked before it is inflated, the whole
 * archive's before any sample data is, each sample's data and model file is checked against a checksum, and
 * every problem is a FormatError. A damaged model does not stop the rest: it is left out and reported.
 */
import { zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import { z } from 'zod';
import { FormatError, StudioError } from '../errors';
import { fnv1a32Bytes, hashHex } from '../dataset/hash';
import type { ParsedSample, Sample, SampleCategory, SampleValues } from '../dataset/sample';
import type { Project } from '../dataset/project';
import type { Impulse } from '../impulse/impulse';
import type { TrainedModel } from '../learn/trainedModel';
import { looksLikeZip, unzipBounded, type Fail } from './boundedZip';
import { archivedImpulseSchema, toArchivedImpulse, type ArchivedImpulse } from './impulseSchema';
import { MODEL_JSON, modelDir, modelFiles, type ArchivedModel } from './projectArchiveModels';
import { readArchivedModels } from './projectArchiveModelEntries';
import { MANIFEST_PATH, samplePath } from './projectArchiveLayout';

const FORMAT = 'tinyml-studio-project';
const VERSION = 1;
/** Upper bound on the manifest alone (a few hundred bytes per sample). */
const MAX_MANIFEST_BYTES = 256 * 1024 ** 2;

type Dtype = 'int16' | 'float32';
const BYTES_PER_VALUE: Record<Dtype, number> = { int16: 2, float32: 4 };

const idPattern = /^[A-Za-z0-9_-]{1,128}$/;
const timestamp = z.number().nonnegative();

const sampleEntrySchema = z.object({
  id: z.string().regex(idPattern, 'must be 1–128 letters, digits, _ or -'),
  name: z.string(),
  label: z.string(),
  category: z.enum(['training', 'testing']),
  enabled: z.boolean(),
  sensors: z.array(z.object({ name: z.string(), units: z.string() })).min(1),
  intervalMs: z.number().positive(),
  frameCount: z.number().int().nonnegative(),
  dtype: z.enum(['int16', 'float32']),
  deviceName: z.string(),
  deviceType: z.string(),
  /** Breaks in the live stream during the recording (SampleMeta.streamGaps); absent for imported samples. */
  streamGaps: z.number().int().nonnegative().optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** FNV-1a of the data file, 8 hex digits: zip readers in the browser do not check CRCs. */
  checksum: z.string().regex(/^[0-9a-f]{8}$/, 'must be 8 lower-case hex digits'),
});

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  project: z.object({
    name: z.string(),
    createdAt: timestamp,
    /** The board the project is built for, a board id (absent in archives from before target boards). */
    targetBoard: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a board id such as "nano33ble"')
      .optional(),
  }),
  samples: z.array(sampleEntrySchema),
  /** Impulse designs (window, processing and learning blocks). */
  impulses: z.array(archivedImpulseSchema),
  /** The impulses with a trained model in models/<impulse>/ (absent in archives from before models were). */
  models: z.array(z.object({ impulse: z.number().int().nonnegative() })).optional(),
});

type SampleEntry = z.infer<typeof sampleEntrySchema>;
type Manifest = z.infer<typeof manifestSchema>;

/** One sample read from an archive: everything but its project and id, which the importer assigns. */
export interface ArchivedSample extends ParsedSample {
  /** The id it had in the exported project (also its data file's name). */
  originalId: string;
  label: string;
  category: SampleCategory;
  enabled: boolean;
  streamGaps?: number;
  createdAt: number;
  updatedAt: number;
}

export interface ProjectArchive {
  project: { name: string; createdAt: number; targetBoard?: string };
  samples: ArchivedSample[];
  impulses: ArchivedImpulse[];
  /** Trained models, each with the index of its impulse in `impulses`. */
  models: ArchivedModel[];
  /** Models left out because their files are damaged, one message each naming the impulse and the problem. */
  modelProblems: FormatError[];
}

/**
 * Writes a project, its samples (metadata and values), its impulse designs and their trained models (float32
 * and int8 `.tflite`, metrics, history and explorer) into a zip archive.
 */
export function exportProjectArchive(
  project: Project,
  samples: readonly Sample[],
  impulses: readonly Impulse[] = [],
  models: readonly TrainedModel[] = [],
): Uint8Array {
  const seen = new Set<string>();
  const entries: SampleEntry[] = [];
  const files: Zippable = {};
  for (const s of samples) {
    if (!idPattern.test(s.id) || seen.has(s.id)) {
      throw new StudioError(
        'archive-export',
        `Sample “${s.name}” has an id (${s.id}) that cannot name an archive file`,
      );
    }
    seen.add(s.id);
    if (s.values.length !== s.frameCount * s.sensors.length) {
      throw new StudioError(
        'archive-export',
        `Sample “${s.name}” has ${s.values.length} values, not ${s.frameCount} frames × ${s.sensors.length} axes`,
      );
    }
    const dtype: Dtype = s.values instanceof Int16Array ? 'int16' : 'float32';
    const bytes = toLittleEndian(s.values);
    files[samplePath(s.id)] = [bytes, { level: 1 }];
    entries.push({
      id: s.id,
      name: s.name,
      label: s.label,
      category: s.category,
      enabled: s.enabled,
      sensors: s.sensors.map(({ name, units }) => ({ name, units })),
      intervalMs: s.intervalMs,
      frameCount: s.frameCount,
      dtype,
      deviceName: s.deviceName,
      deviceType: s.deviceType,
      ...(s.streamGaps === undefined ? {} : { streamGaps: s.streamGaps }),
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      checksum: hashHex(fnv1a32Bytes(bytes)),
    });
  }
  const archivedModels: Array<{ impulse: number }> = [];
  for (const model of models) {
    const impulse = impulses.findIndex((i) => i.id === model.impulseId);
    if (impulse < 0 || archivedModels.some((m) => m.impulse === impulse)) {
      throw new StudioError(
        'archive-export',
        `A trained model (impulse id ${model.impulseId}) has no impulse of its own among those exported`,
      );
    }
    archivedModels.push({ impulse });
    for (const [name, bytes] of Object.entries(modelFiles(model))) {
      files[`${modelDir(impulse)}${name}`] = [bytes, { level: name === MODEL_JSON ? 6 : 1 }];
    }
  }
  const manifest: Manifest = {
    format: FORMAT,
    version: VERSION,
    project: {
      name: project.name,
      createdAt: project.createdAt,
      ...(project.targetBoard ? { targetBoard: project.targetBoard } : {}),
    },
    samples: entries,
    impulses: impulses.map(toArchivedImpulse),
    ...(archivedModels.length > 0 ? { models: archivedModels } : {}),
  };
  files[MANIFEST_PATH] = [strToU8(JSON.stringify(manifest, null, 1)), { level: 6 }];
  return zipSync(files);
}

/**
 * Reads an archive written by exportProjectArchive. Values come back bit-exact in their own typed-array
 * kind; the caller gives the project and every sample new ids.
 */
export function importProjectArchive(fileName: string, bytes: Uint8Array): ProjectArchive {
  const fail: Fail = (code, problem, cause) => {
    throw new FormatError(code, fileName, problem, cause === undefined ? undefined : { cause });
  };
  if (!looksLikeZip(bytes)) fail('not-zip', 'is not a zip archive');

  const manifestBytes = unzipBounded(bytes, (f) => f.name === MANIFEST_PATH, fail, {
    name: MANIFEST_PATH,
    bytes: MAX_MANIFEST_BYTES,
  })[MANIFEST_PATH];
  if (!manifestBytes) {
    fail('missing-manifest', `has no ${MANIFEST_PATH}, so it is not a TinyML Studio project archive`);
  }
  const manifest = parseManifest(manifestBytes, fail);

  const expected = new Map<string, SampleEntry>();
  for (const entry of manifest.samples) {
    if (expected.has(samplePath(entry.id))) {
      fail('bad-manifest', `${MANIFEST_PATH} lists sample id ${entry.id} twice`);
    }
    expected.set(samplePath(entry.id), entry);
  }
  const data = unzipBounded(
    bytes,
    (f) => {
      const entry = expected.get(f.name);
      if (!entry) return false;
      if (f.originalSize !== byteLength(entry)) fail('sample-size', sizeProblem(entry, f.originalSize));
      return true;
    },
    fail,
  );

  const samples = manifest.samples.map((entry): ArchivedSample => {
    const file = data[samplePath(entry.id)];
    if (!file) fail('missing-sample-data', `${samplePath(entry.id)} (sample “${entry.name}”) is missing`);
    if (file.length !== byteLength(entry)) fail('sample-size', sizeProblem(entry, file.length));
    if (hashHex(fnv1a32Bytes(file)) !== entry.checksum) {
      fail('sample-checksum', `the data of sample “${entry.name}” is damaged (checksum mismatch)`);
    }
    return {
      originalId: entry.id,
      name: entry.name,
      label: entry.label,
      category: entry.category,
      enabled: entry.enabled,
      sensors: entry.sensors,
      intervalMs: entry.intervalMs,
      values: fromLittleEndian(file, entry.dtype),
      deviceName: entry.deviceName,
      deviceType: entry.deviceType,
      ...(entry.streamGaps === undefined ? {} : { streamGaps: entry.streamGaps }),
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
    };
  });
  return {
    project: manifest.project,
    samples,
    impulses: manifest.impulses,
    ...readArchivedModels(bytes, manifest.models ?? [], manifest.impulses, fileName),
  };
}

function parseManifest(bytes: Uint8Array, fail: Fail): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(bytes));
  } catch (e) {
    return fail('bad-manifest', `${MANIFEST_PATH} is not valid JSON`, e);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail('bad-manifest', `${MANIFEST_PATH} is not a JSON object`);
  }
  const { format, version } = json as Record<string, unknown>;
  if (format !== FORMAT) {
    const says = format === undefined ? 'has no "format" field' : `says format ${JSON.stringify(format)}`;
    fail('wrong-format', `${MANIFEST_PATH} ${says}, so it is not a TinyML Studio project manifest`);
  }
  if (version === undefined) fail('unsupported-version', `${MANIFEST_PATH} has no "version" field`);
  if (version !== VERSION) {
    const newer =
      typeof version === 'number' && version > VERSION ? ' (written by a newer TinyML Studio)' : '';
    fail(
      'unsupported-version',
      `uses unknown project format version ${JSON.stringify(version)}${newer}; this studio reads version ${VERSION}`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail('bad-manifest', `${MANIFEST_PATH}: ${issuePath(issue.path)} ${issue.message}`);
  }
  return parsed.data;
}

/** samples.3.intervalMs → samples[3].intervalMs */
function issuePath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'the manifest';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

function byteLength(entry: SampleEntry): number {
  return entry.frameCount * entry.sensors.length * BYTES_PER_VALUE[entry.dtype];
}

function sizeProblem(entry: SampleEntry, actual: number): string {
  return (
    `sample “${entry.name}” data has ${actual} bytes but the manifest says ${entry.frameCount} frames × ` +
    `${entry.sensors.length} axes of ${entry.dtype} (${byteLength(entry)} bytes)`
  );
}

/** Values as little-endian bytes, whatever the platform's byte order. */
function toLittleEndian(values: SampleValues): Uint8Array {
  const bytes = new Uint8Array(values.byteLength);
  const view = new DataView(bytes.buffer);
  if (values instanceof Int16Array) {
    for (let i = 0; i < values.length; i++) view.setInt16(i * 2, values[i], true);
  } else {
    // Through the float's bit pattern, so NaN payloads survive too.
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
    for (let i = 0; i < bits.length; i++) view.setUint32(i * 4, bits[i], true);
  }
  return bytes;
}

function fromLittleEndian(bytes: Uint8Array, dtype: Dtype): SampleValues {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dtype === 'int16') {
    const values = new Int16Array(bytes.length / 2);
    for (let i = 0; i < values.length; i++) values[i] = view.getInt16(i * 2, true);
    return values;
  }
  const values = new Float32Array(bytes.length / 4);
  const bits = new Uint32Array(values.buffer);
  for (let i = 0; i < bits.length; i++) bits[i] = view.getUint32(i * 4, true);
  return values;
}
