/**
 * The time-domain blocks in C: raw (raw.ts: every value × scale-axes) and flatten (flatten.ts: per axis the
 * chosen statistics of the scaled values, in the order average, minimum, maximum, RMS, standard deviation,
 * skewness, kurtosis).
 */
import type { WindowShape } from '../../../dsp/block';
import type { FlattenParams } from '../../../dsp/flatten';
import type { RawParams } from '../../../dsp/raw';
import { FLOAT64_RESOLUTION } from '../../../dsp/statistics';
import type { EmittedBlock } from '../blockEmitter';
import type { CUnit } from '../cUnit';
import { addStatistics } from '../steps/statisticsC';

export function emitRaw(unit: CUnit, params: RawParams, _shape: WindowShape): EmittedBlock {
  unit.defineFloat('SCALE_AXES', params['scale-axes'], 'scale-axes: every value is multiplied by it.');
  unit.routine(
    'raw_data',
    `
/* Raw data: the window's values, interleaved by axis, times scale-axes (raw.ts). */
static void raw_data(const float *window, float *features)
{
    int i;
    for (i = 0; i < FEATURE_COUNT; i++) features[i] = window[i] * SCALE_AXES;
}`,
  );
  return {
    entry: 'raw_data',
    arithmetic:
      'The studio multiplies by scale-axes in float64 and rounds once to float32; here the product is float32 ' +
      '(the same, or one unit in the last place apart when scale-axes is not a float32 value).',
  };
}

/** The flatten statistics in output order, with the C expression of each (from `s` and the axis' min/max). */
const FLATTEN_STATISTICS: { key: keyof FlattenParams; expression: string }[] = [
  { key: 'average', expression: 's.mean' },
  { key: 'minimum', expression: 'minimum' },
  { key: 'maximum', expression: 'maximum' },
  { key: 'rms', expression: 'sqrtf(s.mean_square)' },
  { key: 'stdev', expression: 'sqrtf(s.variance)' },
  { key: 'skewness', expression: 's.skewness' },
  { key: 'kurtosis', expression: 's.kurtosis' },
];

export function emitFlatten(unit: CUnit, params: FlattenParams, shape: WindowShape): EmittedBlock {
  const chosen = FLATTEN_STATISTICS.filter((s) => params[s.key]);
  const range = params.minimum || params.maximum;
  const moments = chosen.some((s) => s.expression.includes('s.'));
  unit.defineFloat('SCALE_AXES', params['scale-axes'], 'scale-axes: every value is multiplied by it first.');
  const loop: string[] = [];
  const declarations: string[] = [];
  if (moments) {
    unit.defineFloat(
      'FLOAT64_RESOLUTION',
      FLOAT64_RESOLUTION,
      "SciPy's zero-variance resolution of float64 data (the reference computes flatten in float64).",
    );
    addStatistics(unit);
    unit.buffer('scaled', shape.frames, 'One axis of the window, scaled.');
    declarations.push('        statistics_t s;');
    loop.push('            scaled[i] = v;');
  }
  if (range) {
    declarations.push(
      '        float minimum = window[axis] * SCALE_AXES;',
      '        float maximum = minimum;',
    );
    loop.push('            if (v < minimum) minimum = v;', '            if (v > maximum) maximum = v;');
  }
  const writes = chosen.map((s) => `        *out++ = ${s.expression}; /* ${s.key} */`);
  unit.routine(
    'flatten',
    `
/* Flatten: per axis ${chosen.map((s) => s.key).join(', ')} of the scaled values (flatten.ts). */
static void flatten(const float *window, float *features)
{
    float *out = features;
    int axis;
    for (axis = 0; axis < WINDOW_AXES; axis++) {
${declarations.join('\n')}
        int i;
        for (i = 0; i < WINDOW_FRAMES; i++) {
            const float v = window[i * WINDOW_AXES + axis] * SCALE_AXES;
${loop.join('\n')}
        }
${moments ? '        statistics(scaled, WINDOW_FRAMES, 1, FLOAT64_RESOLUTION, &s);\n' : ''}${writes.join('\n')}
    }
}`,
  );
  return {
    entry: 'flatten',
    arithmetic:
      'The studio scales and computes the statistics in float64 (as the reference); here they are float32, ' +
      'with the sums taken about the first value of each axis (see statistics()).',
  };
}
