import { StudioError } from '../errors';

/** A class index, or 'uncertain' when the top probability is below the confidence threshold. */
export type WindowLabel = number | 'uncertain';

export interface SampleVerdict {
  predicted: WindowLabel;
  windowPredictions: WindowLabel[];
  /** Each window's top probability (what was compared with the threshold). */
  windowScores: number[];
  /** Windows that voted for the predicted class (0 when uncertain). */
  votes: number;
  /**
   * The score the decision rests on, so it is at or above the threshold exactly when the sample has a label: the
   * mean top probability of the windows that voted for the predicted class; for an uncertain sample, the best
   * top probability of any window (below the threshold); 0 with no windows.
   */
  confidence: number;
  /** The mean of all windows' probabilities (confident or not), which breaks ties; empty when there are no windows. */
  meanProbs: Float32Array;
}

function checkThreshold(threshold: number): void {
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new StudioError(
      'confidence-threshold',
      `The confidence threshold must be from 0 to 1 (it is ${threshold}).`,
    );
  }
}

/** The top class of probs (the lowest index on a tie), or -1 when there are no outputs. */
function topClass(probs: Float32Array): number {
  if (probs.length === 0) return -1;
  let best = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c] > probs[best]) best = c;
  return best;
}

/** The top class of probs, or 'uncertain' if its probability is below threshold. */
function labelOf(probs: Float32Array, threshold: number): WindowLabel {
  const best = topClass(probs);
  return best >= 0 && probs[best] >= threshold ? best : 'uncertain';
}

/**
 * A sample's verdict from its windows' class probabilities (one softmax per window). A window is 'uncertain'
 * when its top probability is below `threshold`. The sample takes the class most confident windows voted for; a
 * tie goes to the class with the higher mean probability (then the lower index); with no confident window the
 * sample is 'uncertain'. Its `confidence` is the score that decision rests on (see SampleVerdict).
 */
export function aggregateSample(windowProbs: readonly Float32Array[], threshold: number): SampleVerdict {
  checkThreshold(threshold);
  const classes = windowProbs.length > 0 ? windowProbs[0].length : 0;
  const meanProbs = new Float32Array(classes);
  const sums = new Float64Array(classes);
  const votes = new Int32Array(classes);
  // The summed top probability of the windows voting for each class.
  const voteScores = new Float64Array(classes);
  let bestScore = 0;
  const windowScores: number[] = [];
  const windowPredictions = windowProbs.map((probs, w) => {
    if (probs.length !== classes) {
      throw new StudioError(
        'window-outputs',
        `Window ${w} has ${probs.length} outputs; the first has ${classes}.`,
      );
    }
    for (let c = 0; c < classes; c++) sums[c] += probs[c];
    const top = topClass(probs);
    const score = top >= 0 ? probs[top] : 0;
    windowScores.push(score);
    bestScore = Math.max(bestScore, score);
    const label = labelOf(probs, threshold);
    if (label !== 'uncertain') {
      votes[label]++;
      voteScores[label] += score;
    }
    return label;
  });
  for (let c = 0; c < classes; c++) meanProbs[c] = sums[c] / windowProbs.length;
  let predicted: WindowLabel = 'uncertain';
  for (let c = 0; c < classes; c++) {
    if (votes[c] === 0) continue;
    if (
      predicted === 'uncertain' ||
      votes[c] > votes[predicted] ||
      (votes[c] === votes[predicted] && sums[c] > sums[predicted])
    ) {
      predicted = c;
    }
  }
  if (predicted === 'uncertain') {
    return { predicted, windowPredictions, windowScores, votes: 0, confidence: bestScore, meanProbs };
  }
  return {
    predicted,
    windowPredictions,
    windowScores,
    votes: votes[predicted],
    confidence: voteScores[predicted] / votes[predicted],
    meanProbs,
  };
}

export interface Smoother {
  /** Adds one window's probabilities; the label is that of the mean of the last N windows (fewer at first). */
  push(probs: Float32Array): { label: WindowLabel; smoothed: Float32Array };
  /** Forgets the windows seen so far (e.g. when the stream restarts). */
  reset(): void;
}

/** Live classification smoothing: averages the last `windows` results, 'uncertain' below `threshold`. */
export function createSmoother(options: { windows: number; threshold: number }): Smoother {
  const { windows, threshold } = options;
  checkThreshold(threshold);
  if (!(Number.isInteger(windows) && windows >= 1)) {
    throw new StudioError(
      'smoothing-windows',
      `Smoothing needs a whole number of windows ≥ 1 (it is ${windows}).`,
    );
  }
  const recent: Float32Array[] = [];
  return {
    push(probs) {
      if (recent.length > 0 && probs.length !== recent[0].length) {
        throw new StudioError(
          'window-outputs',
          `This window has ${probs.length} outputs; the previous ones had ${recent[0].length}.`,
        );
      }
      recent.push(probs);
      if (recent.length > windows) recent.shift();
      const smoothed = new Float32Array(probs.length);
      for (let c = 0; c < probs.length; c++) {
        let sum = 0;
        for (const r of recent) sum += r[c];
        smoothed[c] = sum / recent.length;
      }
      return { label: labelOf(smoothed, threshold), smoothed };
    },
    reset() {
      recent.length = 0;
    },
  };
}
