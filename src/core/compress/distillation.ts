import * as tf from '@tensorflow/tfjs-core';

/** Knowledge-distillation settings: the weight α of the teacher's soft targets and the temperature T. */
export interface DistillationSettings {
  alpha: number;
  temperature: number;
}

function softmax(logits: readonly number[], temperature: number): number[] {
  const scaled = logits.map((z) => z / temperature);
  const top = Math.max(...scaled);
  const e = scaled.map((z) => Math.exp(z - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * The distillation loss of one batch, in plain numbers (the reference the tfjs loss is tested against):
 * mean over rows of (1−α)·CE(hard, softmax(student)) + α·T²·KL(softmax(teacher/T) ‖ softmax(student/T)).
 * The T² keeps the soft term's gradients the size of the hard term's as T grows (Hinton et al., 2015).
 */
export function distillationLossReference(
  hardLabels: readonly (readonly number[])[],
  studentLogits: readonly (readonly number[])[],
  teacherLogits: readonly (readonly number[])[],
  { alpha, temperature: t }: DistillationSettings,
): number {
  let total = 0;
  hardLabels.forEach((hard, r) => {
    const student = softmax(studentLogits[r], 1);
    const ce = -hard.reduce((s, y, k) => s + y * Math.log(student[k]), 0);
    const pTeacher = softmax(teacherLogits[r], t);
    const pStudent = softmax(studentLogits[r], t);
    const kl = pTeacher.reduce((s, p, k) => (p > 0 ? s + p * Math.log(p / pStudent[k]) : s), 0);
    total += (1 - alpha) * ce + alpha * t * t * kl;
  });
  return total / hardLabels.length;
}

/** The same loss on tensors [rows, classes]; differentiable in the student's logits. */
export function distillationLoss(
  hardLabels: tf.Tensor2D,
  studentLogits: tf.Tensor2D,
  teacherLogits: tf.Tensor2D,
  { alpha, temperature: t }: DistillationSettings,
): tf.Scalar {
  return tf.tidy(() => {
    const ce = tf.neg(tf.sum(tf.mul(hardLabels, tf.logSoftmax(studentLogits)), 1));
    const logTeacher = tf.logSoftmax(tf.div(teacherLogits, t));
    const logStudent = tf.logSoftmax(tf.div(studentLogits, t));
    const kl = tf.sum(tf.mul(tf.exp(logTeacher), tf.sub(logTeacher, logStudent)), 1);
    return tf.mean(tf.add(tf.mul(ce, 1 - alpha), tf.mul(kl, alpha * t * t))) as tf.Scalar;
  });
}

/**
 * The distillation loss as a training-loop loss over packed targets: each target row is the one-hot hard label
 * followed by the teacher's logits ([rows, 2·classes]). The student's outputs are softmax probabilities (the
 * studio's classifier head), so its logits are recovered as log-probabilities: softmax is unchanged by the
 * constant that separates the two.
 */
export function distillationTrainingLoss(
  classes: number,
  settings: DistillationSettings,
): (targets: tf.Tensor2D, outputs: tf.Tensor2D) => tf.Scalar {
  return (targets, outputs) =>
    tf.tidy(() => {
      const [hard, teacher] = tf.split(targets, [classes, classes], 1) as [tf.Tensor2D, tf.Tensor2D];
      const studentLogits = tf.log(tf.clipByValue(outputs, 1e-7, 1)) as tf.Tensor2D;
      return distillationLoss(hard, studentLogits, teacher, settings);
    });
}

/** Packs one-hot labels and the teacher's logits into the targets distillationTrainingLoss expects. */
export function distillationTargets(
  labels: Int32Array,
  teacherLogits: Float32Array,
  classes: number,
): tf.Tensor2D {
  const rows = labels.length;
  const packed = new Float32Array(rows * 2 * classes);
  for (let r = 0; r < rows; r++) {
    packed[r * 2 * classes + labels[r]] = 1;
    packed.set(teacherLogits.subarray(r * classes, (r + 1) * classes), r * 2 * classes + classes);
  }
  return tf.tensor2d(packed, [rows, 2 * classes]);
}
