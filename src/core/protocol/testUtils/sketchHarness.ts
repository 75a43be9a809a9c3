/**
 * The firmware sketch on the host, for firmwareSketch.test.ts: builds firmware/host_test (tinyml_studio.ino against
 * stand-ins for the Arduino core, the IMU libraries and PDM) per board revision, runs it on a script of host
 * commands, decodes what it writes, and knows what the simulated sensors produce.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { IntegrityEvent } from '../decoderEvents';
import { encodeCommand } from '../hostCommands';
import { StudioDecoder, type StudioDecoderEvent } from '../studioDecoder';
import type { DeviceFrame, DeviceInfo, HostCommand } from '../studioFrames';
import { gpp } from './gpp';
import { concat } from './streams';

const FIRMWARE = fileURLToPath(new URL('../../../../firmware', import.meta.url));
const HOST_TEST = join(FIRMWARE, 'host_test');
const STUBS = join(HOST_TEST, 'arduino_stubs');

export type Rev = 1 | 2;

/** The simulated board of each revision, as firmware/host_test/arduino_stubs simulates it. */
export interface Board {
  revision: DeviceInfo['revision'];
  /** Output data rates of accelerometer, gyroscope, magnetometer (Hz): the libraries' configuration. */
  odr: [number, number, number];
  /** Library value (g, dps, µT) for a chip count, per sensor, computed as imu_stubs.cpp (and the library) does. */
  library: [(c: number) => number, (c: number) => number, (c: number) => number];
  /** What the handshake must list. */
  imuRates: number[];
  magRates: number[];
  magScale: number;
}

export const BOARDS: Record<Rev, Board> = {
  1: {
    revision: 'Rev1',
    odr: [119, 119, 20],
    library: [
      (c) => Math.fround((c * 4) / 32768),
      (c) => Math.fround((c * 2000) / 32768),
      (c) => Math.fround((c * 400) / 32768),
    ],
    imuRates: [119, 59.5, 29.75],
    magRates: [20, 10],
    magScale: 400 / 32768,
  },
  2: {
    revision: 'Rev2',
    odr: [100, 100, 10],
    library: [
      (c) => Math.fround(c / 8192),
      (c) => Math.fround(c / Math.fround(16.384)),
      (c) => Math.fround(c / 16),
    ],
    imuRates: [100, 50, 25],
    magRates: [10],
    magScale: Math.fround(0.1),
  },
};

/** Library units → the handshake's units: g → m/s² for the accelerometer. */
const TO_UNITS = [9.80665, 1, 1];

/** Mirrors sim::imuCounts (arduino_stubs/simulated_board.h): the chip's counts for a sample number. */
function imuCounts(sensor: number, axis: number, sample: number): number {
  const slope = (5 + 3 * axis + 2 * sensor) * (axis === 1 ? -1 : 1);
  return -3000 + 1500 * axis + 700 * sensor + slope * sample;
}

/** Mirrors sim::DataRegister: the newest sample of a sensor sampling at `odr` since power-on. */
const sampleAt = (timeUs: number, odr: number) => Math.floor((timeUs * odr) / 1e6);

/** Mirrors sim::pcmSample: PDM sample number n since PDM.begin(). */
export const pcmSample = (n: number) => (((n * 331 + 12345) & 0xffff) << 16) >> 16;

export const FIRMWARE_VERSION = /kFirmwareVersion\[\]\s*=\s*"([^"]+)"/.exec(
  readFileSync(join(FIRMWARE, 'tinyml_studio/tinyml_studio.ino'), 'utf8'),
)?.[1];

export const ACC = 1;
export const GYR = 2;
export const MAG = 3;
export const MIC = 4;

/** The host side of a run: commands (with the studio's encoder and sequence numbers) and DTR, at simulated ms. */
export class HostScript {
  private readonly lines: string[] = [];
  readonly sent: { seq: number; command: HostCommand }[] = [];

  dtr(atMs: number, asserted: boolean): this {
    this.lines.push(`${atMs} dtr ${asserted ? 1 : 0}`);
    return this;
  }

  /** Commands in one write; with `restAtMs`, the last 5 bytes (the end of the last command) arrive then. */
  send(atMs: number, commands: HostCommand[], restAtMs?: number): this {
    const bytes = concat(
      commands.map((command) => {
        const seq = this.sent.length;
        this.sent.push({ seq, command });
        return encodeCommand(command, seq);
      }),
    );
    if (restAtMs === undefined) {
      this.lines.push(`${atMs} send ${hex(bytes)}`);
    } else {
      const cut = bytes.length - 5;
      this.lines.push(
        `${atMs} send ${hex(bytes.subarray(0, cut))}`,
        `${restAtMs} send ${hex(bytes.subarray(cut))}`,
      );
    }
    return this;
  }

  text(endMs: number): string {
    return [...this.lines, `${endMs} end`].join('\n') + '\n';
  }
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const bytesOf = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));

export interface Timed<F> {
  atUs: number;
  frame: F;
}
export type ImuFrame = Extract<DeviceFrame, { type: 'imu' }>;
export type AudioFrame = Extract<DeviceFrame, { type: 'audio' }>;

export interface Run {
  /** Every decoded frame, in the order the sketch wrote them, with the simulated time of the write. */
  frames: Timed<DeviceFrame>[];
  integrity: IntegrityEvent[];
  led: { atUs: number; on: boolean }[];
  bytesWithoutHost: number;
  pdmOverflows: number;
}

let dir = '';
let scripts = 0;
const binaries = new Map<Rev, string>();

/** Runs the sketch built for `rev` on a host script; what it wrote, decoded. */
export function runSketch(rev: Rev, script: string, args: string[] = []): Run {
  const binary = binaries.get(rev);
  if (!binary) throw new Error(`The sketch for revision ${rev} was not built (call buildSketches first).`);
  const path = join(dir, `script-${++scripts}.txt`);
  writeFileSync(path, script);
  const result = spawnSync(binary, [path, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`run_sketch failed (${result.status}): ${result.stderr}`);
  const run: Run = { frames: [], integrity: [], led: [], bytesWithoutHost: -1, pdmOverflows: -1 };
  const decoder = new StudioDecoder();
  const events: StudioDecoderEvent[] = [];
  const take = (atUs: number) => {
    for (const e of events.splice(0)) {
      if (e.type === 'frame') run.frames.push({ atUs, frame: e.frame });
      else run.integrity.push(e);
    }
  };
  let atUs = 0;
  for (const line of result.stdout.trim().split('\n')) {
    const [record, at, ...rest] = line.split(' ');
    atUs = Number(at);
    if (record === 'write') {
      decoder.push(bytesOf(rest[0]), events);
      take(atUs);
    } else if (record === 'led') {
      run.led.push({ atUs, on: rest[0] === '1' });
    } else if (record === 'end') {
      run.bytesWithoutHost = Number(rest[0]);
      run.pdmOverflows = Number(rest[1]);
    }
  }
  decoder.flush(events);
  take(atUs);
  return run;
}

export const ofType = <T extends DeviceFrame['type']>(run: Run, type: T) =>
  run.frames.filter((f): f is Timed<Extract<DeviceFrame, { type: T }>> => f.frame.type === type);

/** A sensor's data frames cut into streams: each starts at a frame that is not continuous (a restart). */
export function streamsOf<F extends ImuFrame | AudioFrame>(frames: Timed<F>[]): Timed<F>[][] {
  const streams: Timed<F>[][] = [];
  for (const f of frames) {
    if (!f.frame.continuous || streams.length === 0) streams.push([]);
    streams[streams.length - 1].push(f);
  }
  return streams;
}

export const dataFrames = (run: Run, sensorId: number) =>
  run.frames.filter((f) => 'sensorId' in f.frame && f.frame.sensorId === sensorId) as Timed<
    ImuFrame | AudioFrame
  >[];

/** Index in run.frames of the ack of the command sent with `seq`. */
export function ackIndex(run: Run, seq: number): number {
  return run.frames.findIndex((f) => f.frame.type === 'ack' && f.frame.commandSeq === seq);
}

/**
 * Checks one IMU stream against the simulated sensor: every reading is the mean of `decimation` consecutive
 * samples (the sketch's box-car), converted with the handshake's scale to within float32 rounding; each frame's
 * device time is when its first sample was read, and it is sent once its last one is in. Returns the number
 * of readings.
 */
export function checkImuStream(
  board: Board,
  sensorId: number,
  stream: Timed<ImuFrame>[],
  decimation: number,
  scale: number,
) {
  const sensor = sensorId - 1;
  const odr = board.odr[sensor];
  const first = sampleAt(stream[0].frame.deviceTimeUs, odr);
  const mismatches: string[] = [];
  let reading = 0;
  stream.forEach(({ frame, atUs }, i) => {
    expect(frame.seq, `sensor ${sensorId} frame ${i}`).toBe(i);
    expect(frame.axes).toBe(3);
    expect(sampleAt(frame.deviceTimeUs, odr), `sensor ${sensorId} frame ${i} device time`).toBe(
      first + reading * decimation,
    );
    const spanUs = ((frame.values.length / 3) * decimation * 1e6) / odr;
    expect(atUs - frame.deviceTimeUs, `sensor ${sensorId} frame ${i} latency`).toBeLessThan(spanUs + 2000);
    for (let r = 0; r < frame.values.length / 3; r++, reading++) {
      for (let axis = 0; axis < 3; axis++) {
        let sum = 0;
        for (let k = 0; k < decimation; k++) {
          sum += board.library[sensor](imuCounts(sensor, axis, first + reading * decimation + k));
        }
        const exact = ((sum / decimation) * TO_UNITS[sensor]) / scale;
        const raw = frame.values[3 * r + axis];
        if (Math.abs(raw - exact) > 0.5 + Math.abs(exact) * 2 ** -21) {
          mismatches.push(`reading ${reading} axis ${axis}: sent ${raw}, simulated ${exact}`);
        }
      }
    }
  });
  expect(mismatches.slice(0, 5), `sensor ${sensorId}`).toEqual([]);
  return reading;
}

/** A (re)started stream's first reading is the sensor's next sample after the command (a loop pass to see it). */
export function expectFirstReadingAfter(stream: Timed<ImuFrame>[], commandMs: number, odr: number) {
  const at = stream[0].frame.deviceTimeUs;
  expect(at).toBeGreaterThanOrEqual(commandMs * 1000);
  expect(at).toBeLessThan(commandMs * 1000 + 1e6 / odr + 2000);
}

export function expectedHandshake(board: Board): DeviceInfo {
  const imu = (id: number, name: string, units: string, prefix: string, scale: number, rates: number[]) => ({
    id,
    kind: 'imu' as const,
    name,
    units,
    axes: ['X', 'Y', 'Z'].map((a) => prefix + a),
    scale: Math.fround(scale),
    rates,
    rateHz: rates[0],
    streaming: false,
  });
  return {
    board: 'Arduino Nano 33 BLE Sense',
    revision: board.revision,
    firmware: FIRMWARE_VERSION ?? '?',
    sensors: [
      imu(ACC, 'accelerometer', 'm/s2', 'acc', (4 * 9.80665) / 32768, board.imuRates),
      imu(GYR, 'gyroscope', 'dps', 'gyr', 2000 / 32768, board.imuRates),
      imu(MAG, 'magnetometer', 'uT', 'mag', board.magScale, board.magRates),
      {
        id: MIC,
        kind: 'audio',
        name: 'microphone',
        units: 'wav',
        axes: ['audio'],
        scale: 1 / 32768,
        rates: [16000],
        rateHz: 16000,
        streaming: false,
      },
    ],
  };
}

/**
 * The main session (ms): the host opens the port, says hello, starts all four sensors; a second later halves the
 * accelerometer's rate (that command cut in two writes), asks the gyroscope for a rate it does not have and the
 * microphone for the one it has; stops the accelerometer and the microphone, then everything; says hello again;
 * starts the gyroscope and closes the port under it; reopens and says hello.
 */
export function mainScript(board: Board): HostScript {
  return new HostScript()
    .dtr(50, true)
    .send(100, [{ type: 'hello' }])
    .send(
      150,
      [ACC, GYR, MAG, MIC].map((sensorId) => ({ type: 'start', sensorId })),
    )
    .send(1150, [{ type: 'set-rate', sensorId: ACC, hz: board.imuRates[1] }], 1151)
    .send(1160, [
      { type: 'set-rate', sensorId: GYR, hz: 33 },
      { type: 'set-rate', sensorId: MIC, hz: 16000 },
    ])
    .send(2150, [
      { type: 'stop', sensorId: ACC },
      { type: 'stop', sensorId: MIC },
    ])
    .send(2650, [{ type: 'stop', sensorId: 'all' }])
    .send(2700, [{ type: 'hello' }])
    .send(2800, [{ type: 'start', sensorId: GYR }])
    .dtr(2900, false)
    .dtr(3000, true)
    .send(3100, [{ type: 'hello' }]);
}

async function build(rev: Rev): Promise<void> {
  const binary = join(dir, `run_sketch_rev${rev}`);
  await gpp(`the firmware sketch (tinyml_studio.ino, STUDIO_BOARD_REV=${rev}) on the host stand-ins`, [
    '-std=gnu++17',
    '-O2',
    '-Wall',
    '-Wextra',
    '-Werror',
    `-DSTUDIO_BOARD_REV=${rev}`,
    `-I${STUBS}`,
    join(HOST_TEST, 'run_sketch.cpp'),
    join(HOST_TEST, 'sketch_unit.cpp'),
    join(STUBS, 'simulated_board.cpp'),
    join(STUBS, 'imu_stubs.cpp'),
    join(STUBS, 'pdm_stub.cpp'),
    join(FIRMWARE, 'tinyml_studio/studio_protocol.cpp'),
    '-o',
    binary,
  ]);
  binaries.set(rev, binary);
}

/** Builds the sketch for both revisions at once; when both fail, both compilers' messages are shown. */
export async function buildSketches(): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'studio-sketch-'));
  const builds = await Promise.allSettled([build(1), build(2)]);
  const failures = builds.flatMap((b) => (b.status === 'rejected' ? [(b.reason as Error).message] : []));
  if (failures.length > 0) throw new Error(failures.join('\n\n'));
}

export function removeSketches(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
