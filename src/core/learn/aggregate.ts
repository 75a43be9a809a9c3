export type WindowLabel = number | 'uncertain';

/**
 * A sample's verdict from its windows' class probabilities: a window is 'uncertain' when its top probability is
 * below `threshold`; the sample takes the most frequent confident label (a tie goes to the higher mean
 * probability), or 'uncertain' when no window is confident.
 */
export function aggregateSample(windowProbs: readonly Float32Array[], threshold: number): { predicted: WindowLabel; windowPredictions: WindowLabel[]; meanProbs: Float32Array } {
  const classes = windowProbs[0]?.length ?? 0;
  const meanProbs = new Float32Array(classes);
  const votes = new Int32Array(classes);
  const windowPredictions = windowProbs.map((p): WindowLabel => {
    let best = 0;
    for (let c = 0; c < classes; c++) {
      meanProbs[c] += p[c] / windowProbs.length;
      if (p[c] > p[best]) best = c;
    }
    if (p[best] < threshold) return 'uncertain';
    votes[best]++;
    return best;
  });
  let predicted: WindowLabel = 'uncertain';
  for (let c = 0; c < classes; c++) {
    if (votes[c] === 0) continue;
    if (predicted === 'uncertain' || votes[c] > votes[predicted] || (votes[c] === votes[predicted] && meanProbs[c] > meanProbs[predicted])) predicted = c;
  }
  return { predicted, windowPredictions, meanProbs };
}

/** Live smoothing: the mean of the last `windows` results, 'uncertain' when its top value is below `threshold`. */
export function createSmoother(options: { windows: number; threshold: number }) {
  const recent: Float32Array[] = [];
  return {
    push(probs: Float32Array): { label: WindowLabel; smoothed: Float32Array } {
      recent.push(probs);
      if (recent.length > Math.max(1, options.windows)) recent.shift();
      const smoothed = new Float32Array(probs.length);
      for (const r of recent) for (let c = 0; c < smoothed.length; c++) smoothed[c] += r[c] / recent.length;
      let best = 0;
      for (let c = 1; c < smoothed.length; c++) if (smoothed[c] > smoothed[best]) best = c;
      return { label: smoothed.length && smoothed[best] >= options.threshold ? best : 'uncertain', smoothed };
    },
    reset() {
      recent.length = 0;
    },
  };
}
