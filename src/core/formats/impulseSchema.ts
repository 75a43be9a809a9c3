import { z } from 'zod';
import type { Impulse } from '../impulse/impulse';

const positive = z.number().positive();
const count = z.number().int().nonnegative();

const layerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dense'), units: count }),
  z.object({ type: z.literal('conv1d'), filters: count, kernelSize: count }),
  z.object({ type: z.literal('conv2d'), filters: count, kernelSize: count }),
  z.object({ type: z.literal('separableConv'), filters: count, kernelSize: count }),
  z.object({ type: z.literal('maxPool'), size: count }),
  z.object({ type: z.literal('avgPool'), size: count }),
  z.object({ type: z.literal('dropout'), rate: z.number().min(0).max(1) }),
]);

const augmentationSchema = z.object({
  enabled: z.boolean(),
  noise: z.number().min(0),
  scale: z.number().min(0),
  shift: z.number().min(0),
  timeMasks: count,
  timeMaskMax: count,
  freqMasks: count,
  freqMaskMax: count,
});

const trainingSchema = z.object({
  epochs: count,
  learningRate: positive,
  batchSize: count,
  validationSplit: z.number().min(0).max(0.9),
  classWeighting: z.boolean(),
  earlyStoppingPatience: count,
  seed: count,
  augmentation: augmentationSchema,
});

/** A learning block as an impulse design and a trained model store it. */
export const learnSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('classifier'), layers: z.array(layerSchema), training: trainingSchema }),
  z.object({ kind: z.literal('regression'), layers: z.array(layerSchema), training: trainingSchema }),
  z.object({ kind: z.literal('anomaly'), clusters: count, featureIndices: z.array(count), seed: count }),
]);

/** An impulse's design as a project archive stores it (no ids: the importer assigns them). */
export const archivedImpulseSchema = z.object({
  name: z.string().min(1),
  input: z.object({
    windowSizeMs: positive,
    windowStrideMs: positive,
    frequencyHz: positive,
    zeroPad: z.boolean(),
    axes: z.array(z.string()).min(1),
  }),
  dsp: z.object({
    block: z.enum(['raw', 'flatten', 'spectral', 'mfe', 'mfcc', 'spectrogram']),
    params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  }),
  learn: learnSchema.optional(),
});

export type ArchivedImpulse = z.infer<typeof archivedImpulseSchema>;

export function toArchivedImpulse(impulse: Impulse): ArchivedImpulse {
  const { name, input, dsp, learn } = impulse;
  return learn ? { name, input, dsp, learn } : { name, input, dsp };
}
