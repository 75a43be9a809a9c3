import { describe, expect, it } from 'vitest';
import { splitSample } from '../../core/dataset/sample';
import { recordProblem, sortOut } from './storedRecords';
import { imuSample } from './testFixtures';

const meta = () => splitSample(imuSample('p', 'wave')).meta;
const impulse = {
  id: 'i',
  projectId: 'p',
  name: 'Gestures',
  input: { windowSizeMs: 1000, windowStrideMs: 500, frequencyHz: 62.5, zeroPad: true, axes: ['accX'] },
  dsp: { block: 'spectral', params: { 'fft-length': 32, 'do-log': true, 'filter-type': 'low' } },
  createdAt: 1,
  updatedAt: 1,
};

describe('checking stored records', () => {
  it('accepts what the studio writes, extra fields included, and optional fields left out', () => {
    expect(recordProblem('sample', meta())).toBeNull();
    expect(recordProblem('sample', { ...meta(), addedByANewerVersion: [1] })).toBeNull();
    const { deviceName: _n, deviceType: _t, ...bare } = meta();
    expect(recordProblem('sample', bare)).toBeNull();
    expect(recordProblem('impulse', impulse)).toBeNull();
    expect(recordProblem('project', { id: 'p', name: 'P', createdAt: 1, updatedAt: 2 })).toBeNull();
  });

  it('names the first field that does not fit, with its path, what was expected and what was found', () => {
    expect(recordProblem('sample', 'a string')).toBe('expected an object, found a string');
    expect(recordProblem('sample', { ...meta(), category: 'validation' })).toBe(
      'category: expected "training" or "testing", found a string',
    );
    expect(recordProblem('sample', { ...meta(), sensors: [] })).toBe(
      'sensors: expected at least 1 entry, found none',
    );
    expect(recordProblem('sample', { ...meta(), sensors: [{ name: 'accX' }] })).toBe(
      'sensors.0.units: expected text, found nothing',
    );
    expect(recordProblem('sample', { ...meta(), frameCount: 2.5 })).toBe(
      'frameCount: expected a whole number ≥ 0, found a number',
    );
    expect(recordProblem('impulse', { ...impulse, input: { ...impulse.input, axes: [3] } })).toBe(
      'input.axes.0: expected text, found a number',
    );
    expect(recordProblem('impulse', { ...impulse, dsp: { block: 'mfe', params: { x: null } } })).toBe(
      'dsp.params.x: expected a number, text or true/false, found null',
    );
    expect(recordProblem('project', { id: '', name: 'P', createdAt: 1, updatedAt: 2 })).toBe(
      'id: expected a non-empty id, found a string',
    );
  });

  it('sorts a store’s values into records and skipped ones, naming each by its id or key', () => {
    const good = meta();
    const loaded = sortOut('sample', [good, { id: 'x' }, 42], [good.id, 'x', 'key-3']);
    expect(loaded.records).toEqual([good]);
    expect(loaded.skipped).toEqual([
      { id: 'x', why: 'projectId: expected a non-empty id, found nothing' },
      { id: 'key-3', why: 'expected an object, found a number' },
    ]);
  });
});
