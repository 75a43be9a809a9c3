/**
 * `models/<n>/model.json` of a project archive: everything a trained model holds except its networks (the
 * `.tflite` files beside it) and the explorer's arrays (`explorer.bin`). See docs/projectArchive.md.
 */
import { z } from 'zod';
import { learnSchema } from './impulseSchema';

export const MODEL_FORMAT = 'tinyml-studio-model';
export const MODEL_VERSION = 1;

/** JSON has no NaN, ±Infinity or −0; they are written as these strings (a diverged loss is NaN). */
const SPECIAL_NUMBERS = ['NaN', 'Infinity', '-Infinity', '-0'] as const;

/** JSON.stringify replacer that keeps the numbers JSON cannot represent, as `real` reads them back. */
export function keepSpecialNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  if (Object.is(value, -0)) return '-0';
  return Number.isFinite(value) ? value : String(value);
}

const real = z.union([z.number(), z.enum(SPECIAL_NUMBERS).transform(Number)]);
const count = z.number().int().nonnegative();
const timestamp = z.number().nonnegative();
const checksum = z.string().regex(/^[0-9a-f]{8}$/, 'must be 8 lower-case hex digits');

/** A binary file of the model's folder: its name, size and FNV-1a checksum. */
const fileSchema = <Name extends string>(name: Name) =>
  z.object({ file: z.literal(name), bytes: count, checksum });

export const FLOAT_FILE = 'model_float32.tflite';
export const INT8_FILE = 'model_int8.tflite';
export const EXPLORER_FILE = 'explorer.bin';

const classScoreSchema = z.object({
  label: z.string(),
  precision: real,
  recall: real,
  f1: real,
  support: count,
});

const evaluationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('classifier'),
    accuracy: real,
    loss: real.nullable(),
    confusion: z.array(z.array(count)),
    perClass: z.array(classScoreSchema),
    weightedF1: real,
  }),
  z.object({ kind: z.literal('regression'), mse: real, mae: real, r2: real }),
  z.object({ kind: z.literal('anomaly'), insideFraction: real, scoreP50: real, scoreP95: real }),
]);

const epochSchema = z.object({
  epoch: count,
  loss: real,
  valLoss: real.nullable(),
  accuracy: real.nullable(),
  valAccuracy: real.nullable(),
  elapsedMs: real,
});

const anomalySchema = z.object({
  featureIndices: z.array(count),
  mean: z.array(real),
  std: z.array(real),
  clusters: z.array(z.object({ center: z.array(real), radius: real, count })),
});

const precisionScoreSchema = z.object({ accuracy: real, confusion: z.array(z.array(count)) });

const int8Schema = fileSchema(INT8_FILE).extend({
  createdAt: timestamp,
  ioType: z.enum(['int8', 'float32']),
  calibration: z.object({
    method: z.enum(['minmax', 'percentile']),
    percentile: real.optional(),
    windows: count,
  }),
  floatBytes: count,
  int8Bytes: count,
  comparison: z
    .object({
      windows: count,
      labels: z.array(z.string()),
      float: precisionScoreSchema,
      int8: precisionScoreSchema,
      disagreements: count,
      meanAbsOutputDiff: real,
    })
    .optional(),
});

/**
 * `explorer.bin` holds, little-endian: points (float32 × `points`), then in blocks of `rows` values rowSample
 * (int32), rowStartMs (float32), actual (int32), predicted (int32) and validation (uint8).
 */
const explorerSchema = fileSchema(EXPLORER_FILE).extend({
  rows: count,
  points: count,
  /** The ids the samples had in the exported project; the importer maps them to the new ones. */
  sampleIds: z.array(z.string()),
});

export const modelJsonSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  createdAt: timestamp,
  learn: learnSchema,
  labels: z.array(z.string()),
  configHash: z.string(),
  featureShape: z.array(count).min(1),
  backend: z.string(),
  durationMs: real,
  trainWindows: count,
  validationWindows: count,
  history: z.array(epochSchema),
  keptEpoch: count,
  stoppedEarly: z.boolean(),
  validation: evaluationSchema,
  anomaly: anomalySchema.optional(),
  float32: fileSchema(FLOAT_FILE).optional(),
  int8: int8Schema.optional(),
  explorer: explorerSchema,
});

export type ModelJson = z.infer<typeof modelJsonSchema>;
