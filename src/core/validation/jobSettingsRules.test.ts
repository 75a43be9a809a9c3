import { describe, expect, it } from 'vitest';
import { DEFAULT_QUANTIZE } from '../learn/quantizeSettings';
import { liveSettingsProblems, testSettingsProblems } from './classifyRules';
import { forwarderRateProblem } from './forwarderRateRule';
import { quantizeSettingsProblems } from './quantizeRules';
import { recordingProblems } from './recordingRules';
import { cropRangeProblems, segmentLengthProblems } from './sampleToolRules';

describe('quantisation settings', () => {
  it('checks the percentile only when percentile calibration is chosen', () => {
    expect(quantizeSettingsProblems(DEFAULT_QUANTIZE)).toEqual({});
    const percentile = { ...DEFAULT_QUANTIZE, method: 'percentile' as const };
    expect(quantizeSettingsProblems(percentile)).toEqual({});
    expect(quantizeSettingsProblems({ ...percentile, percentile: 50 })).toEqual({
      percentile: 'Percentile must be a number above 50 and at most 100.',
    });
    expect(quantizeSettingsProblems({ ...DEFAULT_QUANTIZE, percentile: 50 })).toEqual({});
  });
});

describe('recording settings', () => {
  it('needs a label, a whole-ms length from 100 ms to 10 min and a countdown up to 10 s', () => {
    expect(recordingProblems({ label: 'wave', lengthMs: 2000, countdownS: 3 })).toEqual({});
    expect(recordingProblems({ label: '  ', lengthMs: 50, countdownS: 11 })).toEqual({
      label: 'Enter a label for the recording (e.g. wave).',
      lengthMs: 'Length must be a whole number from 100 to 600,000 ms.',
      countdownS: 'Countdown must be a whole number from 0 to 10 s.',
    });
    expect(Object.keys(recordingProblems({ label: 'x', lengthMs: NaN, countdownS: 0 }))).toEqual([
      'lengthMs',
    ]);
  });
});

describe('classification settings', () => {
  it('reads the testing threshold as a confidence, a tolerance, or not at all', () => {
    expect(testSettingsProblems('classifier', 0.6)).toEqual({});
    expect(testSettingsProblems('classifier', 1.5)).toEqual({
      threshold: 'Confidence threshold must be a number from 0 to 1.',
    });
    expect(testSettingsProblems('regression', 1.5)).toEqual({});
    expect(testSettingsProblems('regression', -1)).toEqual({
      threshold: 'Tolerance must be a number of at least 0.',
    });
    expect(testSettingsProblems('anomaly', NaN)).toEqual({});
  });

  it('needs whole-window smoothing, and a confidence threshold for classifiers only', () => {
    expect(liveSettingsProblems('classifier', { smoothing: 4, threshold: 0.6 })).toEqual({});
    expect(liveSettingsProblems('classifier', { smoothing: 2.5, threshold: 2 })).toEqual({
      smoothing: 'Smoothing must be a whole number from 1 to 50 windows.',
      threshold: 'Confidence threshold must be a number from 0 to 1.',
    });
    expect(liveSettingsProblems('regression', { smoothing: 4, threshold: 2 })).toEqual({});
  });
});

describe('sample tools', () => {
  it('keeps a crop range inside the sample and not empty', () => {
    expect(cropRangeProblems({ startMs: 0, endMs: 1999.95 }, 1999.95)).toEqual({});
    expect(cropRangeProblems({ startMs: 500, endMs: 2500 }, 2000)).toEqual({
      endMs: 'To must be a number from 0 to 2000 ms.',
    });
    expect(cropRangeProblems({ startMs: 800, endMs: 800 }, 2000)).toEqual({
      endMs: 'To must be after From (800 ms): the range would be empty.',
    });
    expect(Object.keys(cropRangeProblems({ startMs: NaN, endMs: 100 }, 2000))).toEqual(['startMs']);
  });

  it('needs a segment length above 0 and no longer than the sample', () => {
    expect(segmentLengthProblems(1000, 2000)).toEqual({});
    expect(segmentLengthProblems(3000, 2000)).toEqual({
      lengthMs: 'Segment length must be a number above 0 and at most 2000 ms.',
    });
    expect(Object.keys(segmentLengthProblems(0, 2000))).toEqual(['lengthMs']);
  });
});

describe('forwarder rate', () => {
  it('accepts a positive rate up to 100 kHz', () => {
    expect(forwarderRateProblem(62.5)).toBeNull();
    for (const hz of [0, -5, NaN, 200_000])
      expect(forwarderRateProblem(hz)).toBe('Sampling rate must be a number above 0 and at most 100,000 Hz.');
  });
});
