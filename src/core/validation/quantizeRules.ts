/** The limits of the int8 quantisation settings. */
import type { QuantizeSettings } from '../learn/quantizeSettings';
import { fieldProblems, type NumberRule, type Problems } from './numberRule';

/** As the percentile recorder allows (quant/rangeRecorder.ts): 50 would clip everything but the median. */
export const PERCENTILE_RULE: NumberRule = { label: 'Percentile', above: 50, max: 100 };

export function quantizeSettingsProblems(settings: QuantizeSettings): Problems {
  return settings.method === 'percentile' ? fieldProblems(settings, { percentile: PERCENTILE_RULE }) : {};
}
