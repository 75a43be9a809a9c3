import { StudioError } from '../../core/errors';
import type { Project } from '../../core/dataset/project';
import type { SampleMeta, SampleValues } from '../../core/dataset/sample';
import type { Impulse } from '../../core/impulse/impulse';
import type { TrainedModel } from '../../core/learn/trainedModel';

/**
 * Checks of what the database hands back. A record can fail them when another program wrote to the
 * database, or an older or damaged version of the studio did: the loaders skip such a record and report
 * it, so one bad record never keeps a whole project from opening. The checks cover what the studio relies
 * on to list and open a record; unknown extra fields are allowed (and kept). Written by hand rather than with
 * a schema library, so the page's first chunk does not carry one.
 */

/** Why a value at `path` does not fit, or null when it does. */
type Check = (value: unknown, path: string) => string | null;

function found(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

const fails = (path: string, expected: string, value: unknown) =>
  `${path ? `${path}: ` : ''}expected ${expected}, found ${found(value)}`;

const is =
  (expected: string, test: (value: unknown) => boolean): Check =>
  (value, path) =>
    test(value) ? null : fails(path, expected, value);

const text = is('text', (v) => typeof v === 'string');
const id = is('a non-empty id', (v) => typeof v === 'string' && v !== '');
const time = is('a time', (v) => typeof v === 'number' && Number.isFinite(v));
const bool = is('true or false', (v) => typeof v === 'boolean');
const positive = is('a positive number', (v) => typeof v === 'number' && v > 0 && Number.isFinite(v));
const count = is('a whole number ≥ 0', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0);
const size = is('a whole number > 0', (v) => typeof v === 'number' && Number.isInteger(v) && v > 0);
const paramValue = is('a number, text or true/false', (v) =>
  ['number', 'string', 'boolean'].includes(typeof v),
);
const oneOf = (options: readonly string[]) =>
  is(options.map((o) => `"${o}"`).join(' or '), (v) => options.includes(v as string));
const optional =
  (check: Check): Check =>
  (value, path) =>
    value === undefined ? null : check(value, path);

function listOf(item: Check, min = 0): Check {
  return (value, path) => {
    if (!Array.isArray(value)) return fails(path, 'a list', value);
    if (value.length < min)
      return `${path}: expected at least ${min} entr${min === 1 ? 'y' : 'ies'}, found none`;
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], `${path}.${i}`);
      if (problem) return problem;
    }
    return null;
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function recordOf(item: Check): Check {
  return (value, path) => {
    if (!isObject(value)) return fails(path, 'an object', value);
    for (const [key, v] of Object.entries(value)) {
      const problem = item(v, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
}

function shape(fields: Record<string, Check>): Check {
  return (value, path) => {
    if (!isObject(value)) return fails(path, 'an object', value);
    for (const [key, check] of Object.entries(fields)) {
      const problem = check(value[key], path ? `${path}.${key}` : key);
      if (problem) return problem;
    }
    return null;
  };
}

const projectCheck = shape({ id, name: text, createdAt: time, updatedAt: time, targetBoard: optional(text) });

const sampleMetaCheck = shape({
  id,
  projectId: id,
  name: text,
  label: text,
  category: oneOf(['training', 'testing']),
  enabled: bool,
  sensors: listOf(shape({ name: text, units: text }), 1),
  intervalMs: positive,
  frameCount: count,
  // Only shown, never computed with: a record without them still opens.
  deviceName: optional(text),
  deviceType: optional(text),
  streamGaps: optional(count),
  createdAt: time,
  updatedAt: time,
});

const impulseCheck = shape({
  id,
  projectId: id,
  name: text,
  input: shape({
    windowSizeMs: positive,
    windowStrideMs: positive,
    frequencyHz: positive,
    zeroPad: bool,
    axes: listOf(text, 1),
  }),
  dsp: shape({ block: text, params: recordOf(paramValue) }),
  learn: optional(shape({ kind: text })),
  createdAt: time,
  updatedAt: time,
});

const modelCheck = shape({
  impulseId: id,
  projectId: id,
  createdAt: time,
  learn: shape({ kind: text }),
  labels: listOf(text),
  configHash: text,
  featureShape: listOf(size),
  history: listOf(shape({})),
});

export type RecordKind = 'project' | 'sample' | 'impulse' | 'model';

/** A record a loader left out, and why (in words for the user). */
export interface SkippedRecord {
  id: string;
  why: string;
}

/** What a tolerant loader read: the good records, and the ones it skipped. */
export interface Loaded<T> {
  records: T[];
  skipped: SkippedRecord[];
}

const checks: Record<RecordKind, Check> = {
  project: projectCheck,
  sample: sampleMetaCheck,
  impulse: impulseCheck,
  model: modelCheck,
};

interface RecordTypes {
  project: Project;
  sample: SampleMeta;
  impulse: Impulse;
  model: TrainedModel;
}

/** Why `value` is not a valid stored `kind`, or null when it is. */
export function recordProblem(kind: RecordKind, value: unknown): string | null {
  return checks[kind](value, '');
}

/** The id a damaged record goes by in a report: its key when it has one, else what the store keyed it as. */
function recordId(value: unknown, fallback: string): string {
  if (typeof value !== 'object' || value === null) return fallback;
  const own =
    (value as { id?: unknown; impulseId?: unknown }).id ?? (value as { impulseId?: unknown }).impulseId;
  return typeof own === 'string' && own !== '' ? own : fallback;
}

/** Splits what a store returned into valid records and skipped ones; `keys` are the records' store keys. */
export function sortOut<K extends RecordKind>(
  kind: K,
  values: readonly unknown[],
  keys: readonly string[],
): Loaded<RecordTypes[K]> {
  const loaded: Loaded<RecordTypes[K]> = { records: [], skipped: [] };
  values.forEach((value, i) => {
    const why = recordProblem(kind, value);
    if (why === null) loaded.records.push(value as RecordTypes[K]);
    else loaded.skipped.push({ id: recordId(value, keys[i] ?? `#${i + 1}`), why });
  });
  return loaded;
}

/** The values of a sample, checked against its metadata (typed array of the right length). */
export function checkedValues(meta: SampleMeta, values: unknown): SampleValues {
  const typed = values instanceof Float32Array || values instanceof Int16Array;
  const expected = meta.frameCount * meta.sensors.length;
  if (typed && values.length === expected) return values;
  const why = typed
    ? `it holds ${values.length} values where ${meta.frameCount} readings of ${meta.sensors.length} axes need ${expected}`
    : 'its values are not a Float32Array or Int16Array';
  throw corruptRecordError('sample', meta.id, why);
}

export function corruptRecordError(kind: RecordKind, recordKey: string, why: string): StudioError {
  return new StudioError(
    'corrupt-record',
    `The stored ${kind} ${recordKey} could not be read (${why}): it may have been written by another program or an older version.`,
  );
}

/** "1 sample could not be read and was skipped: <id> (<why>)", naming at most three. */
export function skippedReport(kind: RecordKind, skipped: readonly SkippedRecord[]): string | null {
  if (skipped.length === 0) return null;
  const noun = skipped.length === 1 ? kind : `${kind}s`;
  const verb = skipped.length === 1 ? 'was' : 'were';
  const named = skipped
    .slice(0, 3)
    .map((s) => `${s.id} (${s.why})`)
    .join('; ');
  const more = skipped.length > 3 ? `; and ${skipped.length - 3} more` : '';
  return `${skipped.length} ${noun} could not be read and ${verb} skipped: ${named}${more}.`;
}
