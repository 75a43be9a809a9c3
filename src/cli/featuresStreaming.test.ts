import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../core/formats/csv';
import { writeWav } from '../core/formats/wav';
import type { CliIo } from './command';
import { fakeIo } from './fakeIo';
import { runCli } from './run';

const YES = resolve('../shared/testdata/audio/yes_1000ms.wav');
/** 500 ms MFE windows every 250 ms over the 1 s recording: 3 windows of 49 frames × 40 filters. */
const MFE_ARGS = ['features', '--block', 'mfe', '--input', YES, '--window-ms', '500', '--stride-ms', '250'];

type FeatureJson = { shape: number[]; features: number[][] };

async function jsonFeatures(args = MFE_ARGS): Promise<FeatureJson> {
  const t = fakeIo();
  expect(await runCli(args, t.io)).toBe(0);
  return JSON.parse(t.out.join('\n')) as FeatureJson;
}

/** The header's dict and the float32 little-endian values after it, read by hand (no numpy here). */
function readNpy(bytes: Uint8Array): { header: string; values: number[] } {
  const headerLen = bytes[8] | (bytes[9] << 8);
  const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLen));
  const view = new DataView(bytes.buffer, bytes.byteOffset + 10 + headerLen);
  const values = Array.from({ length: view.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
  return { header, values };
}

/** Why numpy cannot be run, or null when it can. */
function numpyMissing(): string | null {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error === undefined && probe.status === 0) return null;
  return `python3 with numpy is missing: apt-get install -y python3-numpy (${probe.error?.message ?? probe.stderr.trim()})`;
}
const NUMPY_MISSING = numpyMissing();
if (NUMPY_MISSING) console.warn(`featuresStreaming: skipping the numpy check: ${NUMPY_MISSING}`);

describe('studio features --format npy', () => {
  it('writes a NumPy 1.0 float32 file for an --out ending in .npy, with the values of the JSON', async () => {
    const json = await jsonFeatures();
    const t = fakeIo();
    expect(await runCli([...MFE_ARGS, '--out', 'f.npy'], t.io)).toBe(0);
    const { header, values } = readNpy(t.written['f.npy'] as Uint8Array);
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(3, 1960\), \} *\n$/);
    expect(values).toEqual(json.features.flat());
  });

  it('writes .npy to a piped stdout with --format npy, and refuses a terminal (exit 2)', async () => {
    const piped = fakeIo();
    expect(await runCli([...MFE_ARGS, '--format', 'npy'], piped.io)).toBe(0);
    expect(readNpy(piped.stdoutBytes[0]).values).toHaveLength(3 * 1960);
    const terminal = fakeIo({}, { terminal: true });
    expect(await runCli([...MFE_ARGS, '--format', 'npy'], terminal.io)).toBe(2);
    expect(terminal.err[0]).toBe('studio: --format npy is binary: give --out <file.npy> or redirect stdout');
    expect(terminal.stdoutBytes).toEqual([]);
  });

  it('writes JSON to an .npy name when --format json says so, and names a wrong --format', async () => {
    const t = fakeIo();
    expect(await runCli([...MFE_ARGS, '--out', 'f.npy', '--format', 'json'], t.io)).toBe(0);
    expect(JSON.parse(t.written['f.npy'] as string)).toEqual(await jsonFeatures());
    expect(await runCli([...MFE_ARGS, '--format', 'csv'], t.io)).toBe(2);
    expect(t.err[0]).toBe('studio: --format must be one of json, npy');
  });

  it.skipIf(NUMPY_MISSING !== null)(
    'numpy.load reads the file as the matrix of the JSON output',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'features-npy-'));
      try {
        const t = fakeIo();
        expect(await runCli([...MFE_ARGS, '--out', 'f.npy'], t.io)).toBe(0);
        writeFileSync(join(dir, 'f.npy'), t.written['f.npy']);
        writeFileSync(join(dir, 'f.json'), JSON.stringify(await jsonFeatures()));
        const script = [
          'import json, sys, numpy as np',
          'a = np.load(sys.argv[1] + "/f.npy")',
          'j = json.load(open(sys.argv[1] + "/f.json"))',
          'b = np.array(j["features"], dtype=np.float32)',
          'print(json.dumps({"shape": list(a.shape), "dtype": a.dtype.str, "c": a.flags.c_contiguous,',
          '  "equal": bool(np.array_equal(a, b)), "jsonShape": j["shape"]}))',
        ].join('\n');
        const run = spawnSync('python3', ['-c', script, dir], { encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(JSON.parse(run.stdout)).toEqual({
          shape: [3, 1960],
          dtype: '<f4',
          c: true,
          equal: true,
          jsonShape: [3, 1960],
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('studio features output', () => {
  /** 2 s of one axis at 100 Hz; the raw block scales it by 1e300, past float32's range: ±Infinity. */
  const huge = () => {
    const values = Float32Array.from({ length: 200 }, (_, i) => Math.sin(i / 7) + 2);
    const csv = toCsv({
      sensors: [{ name: 'x', units: 'g' }],
      intervalMs: 10,
      values,
    });
    return fakeIo({
      'x.csv': new TextEncoder().encode(csv),
      'p.json': new TextEncoder().encode('{"scale-axes": 1e300}'),
    });
  };
  const rawArgs = ['features', '--block', 'raw', '--params', 'p.json', '--input', 'x.csv'];

  it('refuses to write Infinity as JSON, naming the window, and leaves no half-written file', async () => {
    const t = huge();
    expect(await runCli([...rawArgs, '--window-ms', '1000', '--out', 'f.json'], t.io)).toBe(1);
    expect(t.err).toEqual([
      'features: window 0 feature 0 is Infinity, which JSON cannot hold; --format npy keeps it',
    ]);
    expect(t.written).toEqual({});
    expect(await runCli([...rawArgs, '--window-ms', '1000', '--out', 'f.npy'], t.io)).toBe(0);
    expect(readNpy(t.written['f.npy'] as Uint8Array).values).toEqual(Array(200).fill(Infinity));
  });

  it('reports a failed write with exit code 1 and aborts the output', async () => {
    const t = fakeIo();
    const aborted: string[] = [];
    const io: CliIo = {
      ...t.io,
      openOutput: async (path) => ({
        isTerminal: false,
        write: async () => {
          throw new Error('ENOSPC: no space left on device, write');
        },
        close: async () => {},
        abort: async () => {
          aborted.push(String(path));
        },
      }),
    };
    expect(await runCli([...MFE_ARGS, '--out', 'f.npy'], io)).toBe(1);
    expect(t.err).toEqual(['features: ENOSPC: no space left on device, write']);
    expect(aborted).toEqual(['f.npy']);
  });

  it('prints the import notes on stderr: a WAV cut off before the end its header declares', async () => {
    const second = Int16Array.from({ length: 16000 }, (_, i) => Math.round(8000 * Math.sin(i / 5)));
    const cut = writeWav(second, 16000).subarray(0, 44 + 2 * 12000);
    const t = fakeIo({ 'cut.wav': cut });
    const args = ['features', '--block', 'mfe', '--input', 'cut.wav', '--window-ms', '500'];
    expect(await runCli([...args, '--stride-ms', '250'], t.io)).toBe(0);
    expect(t.err).toEqual([
      'features: note: cut.wav: the file is cut off: the data chunk declares 32000 bytes but 24000 are ' +
        'present; imported the 12000 complete frames',
    ]);
    // The 0.75 s that are there: windows at 0 and 250 ms.
    expect((JSON.parse(t.out[0]) as FeatureJson).shape).toEqual([2, 49 * 40]);
  });

  it('shows progress on a terminal and clears it at the end; nothing when stderr is not one', async () => {
    const terminal = fakeIo({}, { terminal: true });
    expect(await runCli([...MFE_ARGS, '--out', 'f.json'], terminal.io)).toBe(0);
    expect(terminal.statuses[0]).toMatch(/^features: 1\/3 windows(, \d+ windows\/s)?$/);
    expect(terminal.statuses.at(-2)).toMatch(/^features: 3\/3 windows(, \d+ windows\/s)?$/);
    expect(terminal.statuses.at(-1)).toBe('');
    expect(terminal.err).toEqual([]);
    const piped = fakeIo();
    expect(await runCli([...MFE_ARGS, '--out', 'f.json'], piped.io)).toBe(0);
    expect(piped.statuses).toEqual([]);
    expect(piped.written['f.json']).toEqual(terminal.written['f.json']);
  });

  it('shows no progress over features printed on the terminal itself', async () => {
    const t = fakeIo({}, { terminal: true });
    expect(await runCli(MFE_ARGS, t.io)).toBe(0);
    expect(t.statuses).toEqual([]);
    expect((JSON.parse(t.out[0]) as FeatureJson).shape).toEqual([3, 1960]);
  });
});
