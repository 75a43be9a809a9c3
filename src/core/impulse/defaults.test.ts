import { describe, expect, it } from 'vitest';
import { defaultImpulse, missingAxes } from './defaults';

const axes = (...names: string[]) =>
  names.map((name) => ({ name, units: name.startsWith('acc') ? 'm/s2' : 'dps' }));

describe('defaultImpulse', () => {
  it('takes every axis of a 6-axis IMU sample, not only the accelerometer', () => {
    const impulse = defaultImpulse([
      { sensors: axes('accX', 'accY', 'accZ', 'gyrX', 'gyrY', 'gyrZ'), intervalMs: 1000 / 119 },
    ]);
    expect(impulse.input.axes).toEqual(['accX', 'accY', 'accZ', 'gyrX', 'gyrY', 'gyrZ']);
    expect(impulse.input.frequencyHz).toBe(119);
    expect(impulse.dsp.block).toBe('spectral');
  });

  it('gives keywords (MFCC, 1 s) for audio and the accelerometer gesture impulse without data', () => {
    expect(
      defaultImpulse([{ sensors: [{ name: 'audio', units: 'wav' }], intervalMs: 0.0625 }]),
    ).toMatchObject({
      input: { axes: ['audio'], windowSizeMs: 1000, frequencyHz: 16000 },
      dsp: { block: 'mfcc' },
    });
    expect(defaultImpulse([]).input.axes).toEqual(['accX', 'accY', 'accZ']);
  });

  it('names the axes a sample lacks', () => {
    expect(missingAxes({ sensors: axes('accX', 'accY', 'accZ') }, { axes: ['accX', 'gyrX'] })).toBe(
      'has no gyrX axis',
    );
  });
});
