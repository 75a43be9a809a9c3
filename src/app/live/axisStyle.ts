import { AUDIO_UNITS } from '../../core/dataset/sample';

/** One colour per axis, the same as the sample chart's, so an axis keeps its colour from recording to review. */
export const AXIS_COLORS: readonly string[] = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#9333ea',
  '#ea580c',
  '#0891b2',
  '#ca8a04',
  '#db2777',
  '#4b5563',
];

/** The unit worth printing: none for "N/A", nor for audio, whose values are raw PCM ("wav" is a format). */
export function unitLabel(units: string): string {
  return units === 'N/A' || units === AUDIO_UNITS ? '' : units;
}
