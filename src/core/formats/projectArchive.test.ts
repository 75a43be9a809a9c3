import type { Impulse } from '../impulse/impulse';
import { defaultLearnBlock } from '../learn/learnBlock';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FormatError } from '../errors';
import type { Sample, SampleValues } from '../dataset/sample';
import type { Project } from '../dataset/project';
import { exportProjectArchive, importProjectArchive } from './projectArchive';
import { MANIFEST_PATH } from './projectArchiveLayout';

const project: Project = {
  id: 'proj1',
  name: 'Gestures & «words» 🎙',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_500_000,
};

function sample(id: string, overrides: Partial<Sample> & { values: SampleValues }): Sample {
  return {
    id,
    projectId: project.id,
    name: `${id}.rec`,
    label: 'idle',
    category: 'training',
    enabled: true,
    sensors: [{ name: 'audio', units: 'wav' }],
    intervalMs: 0.0625,
    frameCount: overrides.values.length / (overrides.sensors?.length ?? 1),
    deviceName: 'Nano 33 BLE',
    deviceType: 'ARDUINO_NANO33BLE',
    createdAt: 1_700_000_001_000,
    updatedAt: 1_700_000_002_000,
    ...overrides,
  };
}

function fixtures(): Sample[] {
  const audio = new Int16Array(16_000).map((_, i) => Math.round(32767 * Math.sin(i / 7)));
  audio[0] = -32768;
  const imu = new Float32Array(3 * 150).map((_, i) => Math.sin(i) * 20);
  const bits = new Uint32Array(imu.buffer);
  bits[0] = 0x7fc00123; // a NaN with a payload
  bits[1] = 0x80000000; // −0
  imu[2] = Infinity;
  const acc = ['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'm/s2' }));
  return [
    sample('a1', { values: audio, label: 'yes', category: 'training' }),
    sample('a2', { values: audio.slice(0, 8000), label: 'ñandú 🐦', category: 'testing', enabled: false }),
    sample('i1', {
      values: imu,
      sensors: acc,
      intervalMs: 1000 / 62.5,
      label: '波',
      category: 'testing',
      deviceName: '',
      deviceType: 'virtual',
      streamGaps: 2,
    }),
    sample('i2', {
      values: imu.slice(3, 30),
      sensors: acc,
      intervalMs: 10,
      label: 'wave',
      enabled: false,
      streamGaps: 0,
    }),
    sample('e1', { values: new Float32Array(0), sensors: acc, intervalMs: 10, label: 'empty' }),
  ];
}

const bytesOf = (v: SampleValues) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);

function formatErrorOf(f: () => unknown): FormatError {
  try {
    f();
  } catch (e) {
    if (e instanceof FormatError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

/** Rewrites an exported archive: the manifest through `edit`, the other files through `files`. */
function tamper(
  archive: Uint8Array,
  edit: (manifest: Record<string, unknown> & { samples: Array<Record<string, unknown>> }) => unknown,
  files: (f: Record<string, Uint8Array>) => void = () => {},
): Uint8Array {
  const entries = unzipSync(archive);
  entries[MANIFEST_PATH] = strToU8(JSON.stringify(edit(JSON.parse(strFromU8(entries[MANIFEST_PATH])))));
  files(entries);
  return zipSync(entries);
}

describe('project archive round trip', () => {
  it('brings back every sample bit-exact with all its metadata', () => {
    const samples = fixtures();
    const archive = exportProjectArchive(project, samples);
    const back = importProjectArchive('backup.zip', archive);
    expect(back.project).toEqual({ name: project.name, createdAt: project.createdAt });
    expect(back.samples).toHaveLength(samples.length);
    back.samples.forEach((got, i) => {
      const want = samples[i];
      expect(got.values.constructor).toBe(want.values.constructor);
      expect(bytesOf(got.values)).toEqual(bytesOf(want.values));
      const { values: _v, id, projectId: _p, frameCount, ...meta } = want;
      const { values: _w, originalId, ...gotMeta } = got;
      expect(originalId).toBe(id);
      expect(gotMeta).toEqual(meta);
      expect(got.values.length / got.sensors.length).toBe(frameCount);
    });
  });

  it('keeps the stream-gap count of live recordings, and adds none to other samples', () => {
    const back = importProjectArchive('backup.zip', exportProjectArchive(project, fixtures()));
    expect(back.samples.map((s) => s.streamGaps)).toEqual([undefined, undefined, 2, 0, undefined]);
    expect(back.samples[0]).not.toHaveProperty('streamGaps');
  });

  it('writes the documented layout', () => {
    const entries = unzipSync(exportProjectArchive(project, fixtures()));
    expect(Object.keys(entries).sort()).toEqual([
      'samples/a1.bin',
      'samples/a2.bin',
      'samples/e1.bin',
      'samples/i1.bin',
      'samples/i2.bin',
      MANIFEST_PATH,
    ]);
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_PATH]));
    expect(manifest).toMatchObject({ format: 'tinyml-studio-project', version: 1, impulses: [] });
    expect(manifest.samples[0]).toMatchObject({ id: 'a1', dtype: 'int16', frameCount: 16_000 });
    expect(manifest.samples[2]).toMatchObject({ id: 'i1', dtype: 'float32', frameCount: 150 });
    expect(entries['samples/a1.bin'].subarray(0, 2)).toEqual(new Uint8Array([0x00, 0x80])); // −32768, little-endian
  });

  it('carries the target board, and refuses one that is not a board id', () => {
    const archive = exportProjectArchive({ ...project, targetBoard: 'portenta-h7' }, []);
    expect(importProjectArchive('x.zip', archive).project).toEqual({
      name: project.name,
      createdAt: project.createdAt,
      targetBoard: 'portenta-h7',
    });
    const entries = unzipSync(archive);
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_PATH]));
    manifest.project.targetBoard = '../../etc';
    entries[MANIFEST_PATH] = strToU8(JSON.stringify(manifest));
    expect(() => importProjectArchive('x.zip', zipSync(entries))).toThrow(
      /project.targetBoard must be a board id/,
    );
  });

  it('reads an empty project', () => {
    expect(importProjectArchive('x.zip', exportProjectArchive(project, []))).toEqual({
      project: { name: project.name, createdAt: project.createdAt },
      samples: [],
      impulses: [],
      models: [],
      modelProblems: [],
    });
  });

  it('refuses to export samples whose values do not match their metadata', () => {
    const [s] = fixtures();
    expect(() => exportProjectArchive(project, [{ ...s, frameCount: 3 }])).toThrow(
      /16000 values, not 3 frames × 1 axes/,
    );
    expect(() => exportProjectArchive(project, [s, s])).toThrow(/cannot name an archive file/);
  });
});

describe('project archive errors', () => {
  const good = exportProjectArchive(project, fixtures());
  const check = (bytes: Uint8Array, code: string, message: string | RegExp) => {
    const e = formatErrorOf(() => importProjectArchive('my project.zip', bytes));
    expect(e.code).toBe(code);
    expect(e.fileName).toBe('my project.zip');
    expect(e.message).toMatch(message);
  };

  it('says when the file is not a zip or not a project archive', () => {
    check(strToU8('timestamp,accX\n0,1\n'), 'not-zip', 'my project.zip: is not a zip archive');
    check(new Uint8Array(0), 'not-zip', /not a zip/);
    check(zipSync({ 'readme.txt': strToU8('hi') }), 'missing-manifest', /has no tinyml-project.json/);
    check(zipSync({}), 'missing-manifest', /has no tinyml-project.json/);
  });

  it('explains a bad manifest precisely', () => {
    check(
      zipSync({ [MANIFEST_PATH]: strToU8('{"format": ') }),
      'bad-manifest',
      /tinyml-project.json is not valid JSON/,
    );
    check(
      zipSync({ [MANIFEST_PATH]: strToU8('[1]') }),
      'bad-manifest',
      /tinyml-project.json is not a JSON object/,
    );
    check(zipSync({ [MANIFEST_PATH]: strToU8('{}') }), 'wrong-format', /has no "format" field/);
    check(
      tamper(good, (m) => ({ ...m, version: undefined })),
      'unsupported-version',
      /has no "version" field/,
    );
    check(
      tamper(good, (m) => ({ ...m, format: 'edge-impulse' })),
      'wrong-format',
      /says format "edge-impulse"/,
    );
    check(
      tamper(good, (m) => ({ ...m, version: 2 })),
      'unsupported-version',
      'my project.zip: uses unknown project format version 2 (written by a newer TinyML Studio); this studio reads version 1',
    );
    check(
      tamper(good, (m) => ({
        ...m,
        samples: m.samples.map((s, i) => (i === 2 ? { ...s, intervalMs: -1 } : s)),
      })),
      'bad-manifest',
      /tinyml-project.json: samples\[2\].intervalMs/,
    );
    check(
      tamper(good, (m) => ({
        ...m,
        samples: m.samples.map((s, i) => (i === 2 ? { ...s, streamGaps: 1.5 } : s)),
      })),
      'bad-manifest',
      /tinyml-project.json: samples\[2\].streamGaps/,
    );
    check(
      tamper(good, (m) => ({ ...m, impulses: [3] })),
      'bad-manifest',
      /impulses\[0\]/,
    );
    check(
      tamper(good, (m) => ({ ...m, samples: [m.samples[0], m.samples[0]] })),
      'bad-manifest',
      /lists sample id a1 twice/,
    );
    check(
      tamper(good, (m) => ({ ...m, samples: m.samples.map((s) => ({ ...s, id: '../evil' })) })),
      'bad-manifest',
      /samples\[0\].id must be/,
    );
  });

  it('round-trips impulse designs and names a malformed one', () => {
    const impulse: Impulse = {
      id: 'imp1',
      projectId: project.id,
      name: 'Gestures',
      input: {
        windowSizeMs: 2000,
        windowStrideMs: 500,
        frequencyHz: 62.5,
        zeroPad: true,
        axes: ['accX', 'accY', 'accZ'],
      },
      dsp: { block: 'spectral', params: { 'fft-length': 128 } },
      learn: defaultLearnBlock('classifier', [33]),
      createdAt: 1,
      updatedAt: 2,
    };
    const withImpulse = exportProjectArchive(project, fixtures(), [impulse]);
    expect(importProjectArchive('x.zip', withImpulse).impulses).toEqual([
      { name: 'Gestures', input: impulse.input, dsp: impulse.dsp, learn: impulse.learn },
    ]);
    const broken = tamper(withImpulse, (m) => ({ ...m, impulses: [{ kind: 'future' }] }));
    check(broken, 'bad-manifest', /impulses\[0\]\.name/);
  });

  it('checks every sample’s data against the manifest', () => {
    check(
      tamper(good, (m) => ({
        ...m,
        samples: m.samples.map((s) => (s.id === 'a2' ? { ...s, frameCount: 9000 } : s)),
      })),
      'sample-size',
      'my project.zip: sample “a2.rec” data has 16000 bytes but the manifest says 9000 frames × 1 axes of int16 (18000 bytes)',
    );
    check(
      tamper(
        good,
        (m) => m,
        (f) => delete f['samples/i2.bin'],
      ),
      'missing-sample-data',
      /samples\/i2.bin \(sample “i2.rec”\) is missing/,
    );
    check(
      tamper(
        good,
        (m) => m,
        (f) => {
          f['samples/a1.bin'] = f['samples/a1.bin'].slice();
          f['samples/a1.bin'][100] ^= 1;
        },
      ),
      'sample-checksum',
      /sample “a1.rec” is damaged/,
    );
  });

  it('refuses archives that unpack to more than 2 GiB, before unpacking them', () => {
    const huge = good.slice();
    const view = new DataView(huge.buffer);
    for (let i = 0; i + 4 <= huge.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true); // central directory size
    }
    check(huge, 'archive-too-large', /unpacks to more than 2 GiB/);
  });

  it('survives 800 truncated, bit-flipped and scrambled archives with FormatErrors only', () => {
    const small = exportProjectArchive(
      project,
      fixtures().map((s) => ({
        ...s,
        values: s.values.slice(0, 60 * s.sensors.length),
        frameCount: Math.min(60, s.frameCount),
      })),
    );
    let state = 42;
    const rand = (n: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % n;
    };
    const outcomes = new Map<string, number>();
    for (let iteration = 0; iteration < 800; iteration++) {
      let bytes = small.slice();
      const mode = rand(4);
      if (mode === 0 || mode === 2) bytes = bytes.slice(0, rand(bytes.length));
      if (mode === 1 || mode === 2) {
        for (let flips = 1 + rand(8); flips > 0 && bytes.length > 0; flips--)
          bytes[rand(bytes.length)] ^= 1 << rand(8);
      }
      if (mode === 3) {
        // Random bytes in the central directory, where entry counts, sizes and offsets live.
        const tail = Math.max(0, bytes.length - 200);
        for (let n = 1 + rand(4); n > 0; n--) bytes[tail + rand(bytes.length - tail)] = rand(256);
      }
      try {
        importProjectArchive('fuzz.zip', bytes);
        outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
      } catch (e) {
        if (!(e instanceof FormatError))
          throw new Error(`iteration ${iteration} threw ${String(e)}`, { cause: e });
        expect(e.message.startsWith('fuzz.zip: ')).toBe(true);
        outcomes.set(e.code, (outcomes.get(e.code) ?? 0) + 1);
      }
    }
    expect(outcomes.get('corrupt-zip')).toBeGreaterThan(0);
  });
});
