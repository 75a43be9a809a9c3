/**
 * The firmware's C++ protocol code against the TypeScript decoder: compiles firmware/host_test/encode_vectors.cpp
 * with studio_protocol.cpp (g++ -std=c++17 -O2 -Wall -Wextra -Werror), runs it, and checks that every frame it
 * encodes decodes to the values it says — whole and cut at random points — and is byte-identical to what the
 * TypeScript encoder writes. It also hands TS-encoded host commands to the firmware's CommandParser.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCommand } from './hostCommands';
import { StudioDecoder, type StudioDecoderEvent } from './studioDecoder';
import {
  encodeAck,
  encodeAudio,
  encodeDeviceError,
  encodeHandshake,
  encodeImu,
  encodeText,
} from './studioEncoder';
import { FLAG_START, type DeviceFrame, type HostCommand } from './studioFrames';
import { gpp } from './testUtils/gpp';
import { concat, randomChunks, seededRandom } from './testUtils/streams';

const FIRMWARE = fileURLToPath(new URL('../../../firmware', import.meta.url));

interface Vector {
  name: string;
  hex: string;
  expect: Record<string, unknown> & { type: DeviceFrame['type']; start?: boolean };
}

interface HostTestOutput {
  frames: Vector[];
  commands: { type: string; seq: number; sensorId: number; rateHz: number }[];
  droppedBytes: number;
}

let dir = '';
let output: HostTestOutput;

const commands: HostCommand[] = [
  { type: 'hello' },
  { type: 'start', sensorId: 4 },
  { type: 'set-rate', sensorId: 1, hz: 59.5 },
  { type: 'stop', sensorId: 'all' },
  { type: 'stop', sensorId: 2 },
];

async function compile(): Promise<string> {
  const binary = join(dir, 'encode_vectors');
  await gpp('the firmware host test', [
    '-std=c++17',
    '-O2',
    '-Wall',
    '-Wextra',
    '-Werror',
    join(FIRMWARE, 'host_test/encode_vectors.cpp'),
    join(FIRMWARE, 'tinyml_studio/studio_protocol.cpp'),
    '-o',
    binary,
  ]);
  return binary;
}

function commandFile(): string {
  const corrupt = encodeCommand({ type: 'start', sensorId: 9 }, 100).slice();
  corrupt[corrupt.length - 1] ^= 0xff;
  const bytes = concat([
    Uint8Array.of(0x13, 0xa5, 0x00),
    ...commands.slice(0, 2).map((c, i) => encodeCommand(c, i)),
    corrupt,
    ...commands.slice(2).map((c, i) => encodeCommand(c, 65534 + i)),
  ]);
  const path = join(dir, 'commands.bin');
  writeFileSync(path, bytes);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-firmware-'));
  const binary = await compile();
  const run = spawnSync(binary, [commandFile()], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`encode_vectors failed: ${run.stderr}`);
  output = JSON.parse(run.stdout) as HostTestOutput;
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const bytesOf = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

/** A decoded frame in the host test's JSON shape (typed arrays as arrays, continuity as the start flag). */
function plain(frame: DeviceFrame): Record<string, unknown> {
  const json = JSON.parse(
    JSON.stringify(frame, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Int16Array) : v)),
  );
  if ('continuous' in json) {
    json.start = !json.continuous;
    delete json.continuous;
  }
  return json;
}

/** The host test prints float32 values with 9 significant digits: round them back to float32. */
function expected(v: Vector): Record<string, unknown> {
  const e = structuredClone(v.expect) as Record<string, unknown>;
  if (e.type === 'handshake') {
    const info = e.info as { sensors: { scale: number; rateHz: number; rates: number[] }[] };
    for (const s of info.sensors) {
      s.scale = Math.fround(s.scale);
      s.rateHz = Math.fround(s.rateHz);
      s.rates = s.rates.map(Math.fround);
    }
  }
  return e;
}

function decodeFrames(chunks: Uint8Array[]): StudioDecoderEvent[] {
  const decoder = new StudioDecoder();
  const out: StudioDecoderEvent[] = [];
  for (const c of chunks) decoder.push(c, out);
  decoder.flush(out);
  return out;
}

/** The same frame written by the TypeScript encoder, from the decoded values and the C++ frame's flags. */
function reencode(frame: DeviceFrame, flags: number): Uint8Array {
  const options = { start: (flags & FLAG_START) !== 0 };
  switch (frame.type) {
    case 'handshake':
      return encodeHandshake(frame.info, frame.seq, options);
    case 'imu':
      return encodeImu(frame.sensorId, frame.seq, frame.deviceTimeUs, frame.axes, frame.values, options);
    case 'audio':
      return encodeAudio(frame.sensorId, frame.seq, frame.sampleIndex, frame.pcm, options);
    case 'text':
      return encodeText(frame.text, frame.seq, options);
    case 'error':
      return encodeDeviceError(frame.text, frame.seq, options);
    case 'ack':
      return encodeAck(frame.command, frame.commandSeq, frame.status, frame.seq, options);
  }
}

describe('firmware encoder (C++, compiled with g++) → TypeScript decoder', () => {
  it('covers every frame type, edge values and empty payloads', () => {
    const types = new Set(output.frames.map((v) => v.expect.type));
    expect([...types].sort()).toEqual(['ack', 'audio', 'error', 'handshake', 'imu', 'text']);
    expect(output.frames.length).toBeGreaterThanOrEqual(15);
  });

  it('decodes each frame to the values the firmware encoded, and the TS encoder writes the same bytes', () => {
    for (const v of output.frames) {
      const bytes = bytesOf(v.hex);
      const events = decodeFrames([bytes]);
      expect(
        events.map((e) => e.type),
        v.name,
      ).toEqual(['frame']);
      const frame = (events[0] as { frame: DeviceFrame }).frame;
      const { start: _start, ...value } = plain(frame);
      const { start: _expectedStart, ...wanted } = expected(v);
      expect(value, v.name).toEqual(wanted);
      expect(reencode(frame, bytes[3]), v.name).toEqual(bytes);
    }
  });

  it('decodes the whole sequence cut at random points, with no drop, corruption or lost continuity', () => {
    const stream = concat(output.frames.map((v) => bytesOf(v.hex)));
    const want = output.frames.map(expected);
    for (let seed = 1; seed <= 20; seed++) {
      const events = decodeFrames(randomChunks(stream, seededRandom(seed), 1 + seed * 13));
      expect(
        events.filter((e) => e.type !== 'frame'),
        `seed ${seed}`,
      ).toEqual([]);
      // plain() turns `continuous` into `start`: a frame without the start flag must be continuous.
      expect(
        events.map((e) => plain((e as { frame: DeviceFrame }).frame)),
        `seed ${seed}`,
      ).toEqual(want);
    }
  });

  it('still finds every firmware frame with noise between them', () => {
    const random = seededRandom(99);
    const noisy = concat(
      output.frames.flatMap((v) => [
        Uint8Array.from({ length: 1 + Math.floor(random() * 20) }, () => Math.floor(random() * 256)),
        bytesOf(v.hex),
      ]),
    );
    const frames = decodeFrames(randomChunks(noisy, random, 50)).filter((e) => e.type === 'frame');
    expect(frames).toHaveLength(output.frames.length);
  });

  it("the firmware's CommandParser reads TS-encoded commands and skips noise and a corrupt one", () => {
    const seqs = [0, 1, 65534, 65535, 0];
    expect(output.commands).toEqual(
      commands.map((c, i) => ({
        type: c.type,
        seq: seqs[i],
        sensorId:
          c.type === 'hello' || (c.type === 'stop' && c.sensorId === 'all')
            ? 0
            : (c as { sensorId: number }).sensorId,
        rateHz: c.type === 'set-rate' ? Math.fround(c.hz) : 0,
      })),
    );
    expect(output.droppedBytes).toBe(3 + encodeCommand({ type: 'start', sensorId: 9 }, 100).length);
  });
});
