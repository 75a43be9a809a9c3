import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTflite } from '../core/tflite';
import { fakeIo } from './fakeIo';
import { runCli } from './run';
import { gestureProjectZip, KWS_TFLITE as KWS } from './testProject';

let zip: Uint8Array;
beforeAll(async () => {
  zip = await gestureProjectZip({ withAnomaly: false });
}, 60_000);

async function exportCli(args: string[]) {
  const t = fakeIo({ 'p.zip': zip });
  const code = await runCli(['export', ...args], t.io);
  return { code, ...t };
}

const entries = (bytes: string | Uint8Array) => Object.keys(unzipSync(bytes as Uint8Array));

describe('studio export', () => {
  it.each([
    ['cpp', 'Hand_Gestures/src/impulse.c'],
    ['arduino', 'Hand_Gestures/library.properties'],
    ['header', 'Hand_Gestures_tflite_micro/model_data.cc'],
  ])('--format %s writes the zip the Deployment page builds', async (format, entry) => {
    const r = await exportCli([
      '--project',
      'p.zip',
      '--impulse',
      'Gestures',
      '--format',
      format,
      '--out',
      'o.zip',
    ]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(entries(r.written['o.zip'])).toContain(entry);
    const line = JSON.parse(r.out[0]) as { precision: string; bytes: number; entries: string[] };
    expect(line).toMatchObject({ out: 'o.zip', format, precision: 'int8' });
    expect(line.entries).toContain(entry);
  });

  it('--format tflite --float32 writes the float32 model', async () => {
    const r = await exportCli([
      '--project',
      'p.zip',
      '--impulse',
      'Gestures',
      '--format',
      'tflite',
      '--float32',
      '--out',
      'm.tflite',
    ]);
    expect(r.code).toBe(0);
    const graph = readTflite(r.written['m.tflite'] as Uint8Array, 'm.tflite');
    expect(graph.tensors[graph.inputs[0]].dtype).toBe('float32');
    expect(graph.standardization).toBeDefined();
  });

  it('turns a .tflite into the library without a processing block, or the header', async () => {
    for (const [format, entry] of [
      ['cpp', 'kws_ref_model/src/model.h'],
      ['header', 'kws_ref_model_tflite_micro/model_data.h'],
    ]) {
      const t = fakeIo();
      const code = await runCli(['export', KWS, '--format', format, '--out', 'k.zip'], t.io);
      expect(code).toBe(0);
      expect(entries(t.written['k.zip'])).toContain(entry);
    }
  });

  it('says what is wrong: usage, an unknown or untrained impulse, a format a .tflite has not', async () => {
    const usage = await exportCli(['--project', 'p.zip', '--impulse', 'Gestures', '--format', 'cpp']);
    expect(usage.code).toBe(2);
    expect(usage.err[0]).toMatch(/--out <file> is required/);

    const badFormat = await exportCli([
      '--project',
      'p.zip',
      '--impulse',
      'Gestures',
      '--format',
      'zip',
      '--out',
      'o',
    ]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err[0]).toMatch(/--format must be arduino, cpp, header, tflite/);

    const unknown = await exportCli([
      '--project',
      'p.zip',
      '--impulse',
      'Nope',
      '--format',
      'cpp',
      '--out',
      'o',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err[0]).toMatch(/no impulse named "Nope" \(it has "Gestures", "Untrained"\)/);

    const untrained = await exportCli([
      '--project',
      'p.zip',
      '--impulse',
      'Untrained',
      '--format',
      'cpp',
      '--out',
      'o',
    ]);
    expect(untrained.code).toBe(1);
    expect(untrained.err[0]).toMatch(/has no trained model/);

    const t = fakeIo();
    expect(await runCli(['export', KWS, '--format', 'arduino', '--out', 'o'], t.io)).toBe(2);
    expect(t.err[0]).toMatch(/--format must be cpp, header/);
  });
});
