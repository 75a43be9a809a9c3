import { LABEL_PALETTE } from '../explorer/labelColors';

export const UNCERTAIN_COLOR = '#a1a1aa';

/** A class's colour by its position in the model's labels (as in the explorers); grey for anything else. */
export function labelColor(labels: readonly string[], text: string): string {
  const i = labels.indexOf(text);
  return i < 0 ? UNCERTAIN_COLOR : LABEL_PALETTE[i % LABEL_PALETTE.length];
}
