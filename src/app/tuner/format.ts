/** How the tuner's views write accuracies. */
export const percent = (fraction: number | null) =>
  fraction === null ? '—' : `${(fraction * 100).toFixed(1)} %`;
