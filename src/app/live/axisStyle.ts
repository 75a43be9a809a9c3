import { AUDIO_UNITS } from '../../core/dataset/sample';

/** The unit worth printing: none for "N/A", nor for audio, whose values are raw PCM ("wav" is a format). */
export function unitLabel(units: string): string {
  return units === 'N/A' || units === AUDIO_UNITS ? '' : units;
}
