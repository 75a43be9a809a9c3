import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { toAcquisitionJson } from './eiAcquisition';
import { importFile, importFiles } from './importFile';
import { writeWav } from './wav';

const enc = (s: string) => new TextEncoder().encode(s);
const wav = writeWav(Int16Array.from([1, 2, 3]), 16000);
const csv = enc('timestamp,a\n0,1\n10,2\n');
const jsonWithLabel = (label?: string) => {
  const doc = JSON.parse(
    toAcquisitionJson({
      sensors: [{ name: 'a', units: 'g' }],
      intervalMs: 10,
      values: Float32Array.from([1, 2]),
      deviceName: 'dev',
      deviceType: 'BOARD',
    }),
  );
  if (label !== undefined) doc.payload.label = label;
  return enc(JSON.stringify(doc));
};

describe('importFile', () => {
  it('chooses the parser by extension, case-insensitively', () => {
    expect(importFile('a.WAV', wav).samples[0].sensors[0].units).toBe('wav');
    expect(importFile('a.csv', csv).samples[0].values).toEqual(Float32Array.from([1, 2]));
    expect(importFile('a.json', jsonWithLabel()).samples[0]).toMatchObject({
      deviceName: 'dev',
      deviceType: 'BOARD',
    });
  });

  it('labels by option, then file name, then the file, then unlabeled', () => {
    expect(importFile('yes.1.json', jsonWithLabel('inner'), { label: ' mine ' }).samples[0].label).toBe(
      'mine',
    );
    expect(importFile('yes.1.json', jsonWithLabel('inner'), { label: '  ' }).samples[0].label).toBe('yes');
    expect(importFile('sample.json', jsonWithLabel('inner')).samples[0].label).toBe('inner');
    expect(importFile('sample.json', jsonWithLabel()).samples[0].label).toBe('unlabeled');
    expect(importFile('dir/yes.take2.wav', wav).samples[0]).toMatchObject({
      label: 'yes',
      name: 'yes.take2',
      deviceType: 'IMPORT',
      deviceName: '',
    });
  });

  it('rejects unsupported types and empty files', () => {
    expect(() => importFile('a.mp3', wav)).toThrow(
      "a.mp3: the file has the unsupported extension '.mp3'; supported are .wav, .json, .cbor, .csv (WAV audio, Edge Impulse JSON/CBOR, Edge Impulse CSV)",
    );
    expect(() => importFile('README', wav)).toThrow(/^README: the file has no extension; supported are/);
    expect(() => importFile('constructor', wav)).toThrow(FormatError);
    const [empty] = importFiles([{ name: 'a.wav', bytes: new Uint8Array(0) }]);
    expect(empty.ok === false && [empty.error.code, empty.error.message]).toEqual([
      'empty-file',
      'a.wav: the file is empty (0 bytes)',
    ]);
  });
});

describe('importFiles', () => {
  it('keeps going past bad files and reports each one', () => {
    const results = importFiles([
      { name: 'a.wav', bytes: wav },
      { name: 'b.csv', bytes: enc('x,y\n') },
      { name: 'c.txt', bytes: enc('hi') },
      { name: 'd.csv', bytes: csv },
    ]);
    expect(results.map((r) => [r.fileName, r.ok])).toEqual([
      ['a.wav', true],
      ['b.csv', false],
      ['c.txt', false],
      ['d.csv', true],
    ]);
    const failed = results[1];
    expect(failed.ok === false && failed.error.code).toBe('invalid-csv');
  });

  it('turns an unexpected exception into a FormatError "internal"', () => {
    const bytes = new Uint8Array(10);
    // A parser bug, simulated by bytes whose length getter throws.
    Object.defineProperty(bytes, 'length', {
      get: () => {
        throw new TypeError('boom');
      },
    });
    const [result] = importFiles([{ name: 'a.wav', bytes }]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(FormatError);
      expect(result.error.code).toBe('internal');
      expect(result.error.message).toBe('a.wav: could not be read (a bug): boom');
    }
  });
});
