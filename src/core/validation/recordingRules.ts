/** The limits of a recording's settings on the Data page. */
import { fieldProblems, type NumberRule, type Problems } from './numberRule';

export interface RecordingSettings {
  label: string;
  lengthMs: number;
  countdownS: number;
}

export const RECORDING_RULES: Record<'lengthMs' | 'countdownS', NumberRule> = {
  lengthMs: { label: 'Length', integer: true, min: 100, max: 600_000, unit: 'ms' },
  countdownS: { label: 'Countdown', integer: true, min: 0, max: 10, unit: 's' },
};

/** Problems keyed 'label', 'lengthMs', 'countdownS'. */
export function recordingProblems(settings: RecordingSettings): Problems {
  const out = fieldProblems(settings, RECORDING_RULES);
  return settings.label.trim() === ''
    ? { label: 'Enter a label for the recording (e.g. wave).', ...out }
    : out;
}
