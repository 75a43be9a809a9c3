/**
 * The virtual board's firmware: the same protocol bytes a Nano 33 BLE Sense running the studio sketch sends,
 * made from synthetic gestures and sound. Host commands go in through `receive`, device bytes come out of
 * `produce`; a platform wrapper turns that into a serial port, so the virtual board takes the real byte path.
 */
import { CommandDecoder, encodeAck, encodeAudio, encodeHandshake, encodeImu } from '../protocol';
import type { AckStatus, DeviceInfo, HostCommand, SensorDescriptor } from '../protocol';
import { createVirtualAudio, type AudioMode, type VirtualAudio } from './audio';
import { createGestureStream, IMU_AXES, type Gesture, type GestureStream } from './gestures';
import { ACC_SCALE, GYR_SCALE, MAG_SCALE, IMU_SENSORS, toRawInt16 } from './imuScale';

export const VIRTUAL_BOARD_NAME = 'Virtual Nano 33 BLE Sense (simulated)';
/**
 * The rates each IMU sensor offers, as the Rev2 sketch does: the synthetic IMU runs at the first, and the
 * lower ones average 2 or 4 of its readings (a box-car filter, like the firmware). Others get 'unsupported-rate'.
 */
export const VIRTUAL_IMU_RATES: readonly number[] = [100, 50, 25];
const IMU_HZ = VIRTUAL_IMU_RATES[0];
const IMU_PERIOD_US = 1e6 / IMU_HZ;
const AUDIO_RATE = 16000;
/** An IMU frame carries about this much time (5 readings at 100 Hz), as the sketch batches them. */
const IMU_FRAME_SECONDS = 0.05;
/** Samples per audio frame: 16 ms of audio, as the sketch batches them. */
const AUDIO_PER_FRAME = 256;
/** More than this much elapsed time at once (a throttled background tab) is skipped, not replayed. */
const MAX_CATCH_UP_MS = 1000;

export interface VirtualFirmwareOptions {
  seed: number;
  gesture: Gesture;
  audioMode: AudioMode;
}

const IMU_GROUPS = [
  { id: 1, name: 'accelerometer', units: 'm/s2', scale: ACC_SCALE, offset: 0 },
  { id: 2, name: 'gyroscope', units: 'dps', scale: GYR_SCALE, offset: 3 },
  { id: 3, name: 'magnetometer', units: 'uT', scale: MAG_SCALE, offset: 6 },
] as const;
const MIC_ID = 4;

/** One IMU sensor's stream: its decimation, the readings being averaged and the frame being filled. */
interface ImuStream {
  group: (typeof IMU_GROUPS)[number];
  decimation: number;
  sum: Float64Array;
  summed: number;
  firstSubReadingUs: number;
  batch: Float32Array;
  batched: number;
  batchTarget: number;
  batchTimeUs: number;
  /** The next frame starts a new stream (FLAG_START, seq 0). */
  restart: boolean;
}

export class VirtualFirmware {
  private readonly commands = new CommandDecoder();
  private readonly gestures: GestureStream;
  private readonly audio: VirtualAudio;
  private readonly sensors: SensorDescriptor[];
  private readonly seq = new Map<number, number>();
  private readonly imu: ImuStream[];
  private micRestart = true;
  private readonly outbox: Uint8Array[] = [];
  private imuDue = 0;
  private audioDue = 0;
  private deviceTimeUs = 0;
  private audioIndex = 0;

  constructor(options: VirtualFirmwareOptions) {
    this.gestures = createGestureStream({
      gesture: options.gesture,
      sampleRateHz: IMU_HZ,
      seed: options.seed,
    });
    this.audio = createVirtualAudio({ mode: options.audioMode, seed: options.seed + 1 });
    this.sensors = [
      ...IMU_GROUPS.map((g) => ({
        id: g.id,
        kind: 'imu' as const,
        name: g.name,
        units: g.units,
        axes: IMU_SENSORS.slice(g.offset, g.offset + 3).map((a) => a.name),
        scale: g.scale,
        rates: [...VIRTUAL_IMU_RATES],
        rateHz: IMU_HZ,
        streaming: false,
      })),
      {
        id: MIC_ID,
        kind: 'audio',
        name: 'microphone',
        units: 'wav',
        axes: ['audio'],
        scale: 1,
        rates: [AUDIO_RATE],
        rateHz: AUDIO_RATE,
        streaming: false,
      },
    ];
    this.imu = IMU_GROUPS.map((group) => ({
      group,
      decimation: 1,
      sum: new Float64Array(3),
      summed: 0,
      firstSubReadingUs: 0,
      batch: new Float32Array(0),
      batched: 0,
      batchTarget: 1,
      batchTimeUs: 0,
      restart: true,
    }));
    for (const stream of this.imu) this.restartImu(stream);
  }

  get gesture(): Gesture {
    return this.gestures.gesture;
  }

  get audioMode(): AudioMode {
    return this.audio.mode;
  }

  setGesture(g: Gesture): void {
    this.gestures.setGesture(g);
  }

  setAudioMode(m: AudioMode): void {
    this.audio.setMode(m);
  }

  deviceInfo(): DeviceInfo {
    return {
      board: VIRTUAL_BOARD_NAME,
      revision: 'Rev2',
      firmware: 'virtual-1.0.0',
      sensors: this.sensors.map((s) => ({ ...s })),
    };
  }

  /** Bytes the host wrote. Bad frames are dropped, as the real firmware drops them. */
  receive(bytes: Uint8Array): void {
    for (const e of this.commands.decodeCommands(bytes))
      if (e.type === 'command') this.execute(e.seq, e.command);
  }

  /** Everything the board sends during the next `elapsedMs` of its clock. */
  produce(elapsedMs: number): Uint8Array {
    const ms = Math.min(Math.max(0, elapsedMs), MAX_CATCH_UP_MS);
    this.produceImu(ms);
    this.produceAudio(ms);
    const total = this.outbox.reduce((n, b) => n + b.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const b of this.outbox) {
      out.set(b, at);
      at += b.length;
    }
    this.outbox.length = 0;
    return out;
  }

  private nextSeq(stream: number): number {
    const s = this.seq.get(stream) ?? 0;
    this.seq.set(stream, (s + 1) & 0xffff);
    return s;
  }

  private execute(commandSeq: number, c: HostCommand): void {
    if (c.type === 'hello') {
      this.outbox.push(encodeHandshake(this.deviceInfo(), this.nextSeq(0)));
      return;
    }
    this.outbox.push(encodeAck(c.type, commandSeq, this.apply(c), this.nextSeq(0)));
  }

  private apply(c: Exclude<HostCommand, { type: 'hello' }>): AckStatus {
    if (c.type === 'stop' && c.sensorId === 'all') {
      for (const s of this.sensors) this.stop(s);
      return 'ok';
    }
    const sensor = this.sensors.find((s) => s.id === c.sensorId);
    if (!sensor) return 'unknown-sensor';
    const stream = this.imu.find((i) => i.group.id === sensor.id);
    if (c.type === 'start') {
      // Like the sketch, start always begins a new stream, also when it was running.
      if (stream) this.restartImu(stream);
      else this.micRestart = true;
      sensor.streaming = true;
      return 'ok';
    }
    if (c.type === 'stop') {
      this.stop(sensor);
      return 'ok';
    }
    if (!sensor.rates.includes(c.hz)) return 'unsupported-rate';
    if (stream) {
      // Readings at two rates must not be joined: what was batched goes out, then a new stream begins.
      this.flushImu(stream);
      stream.decimation = Math.round(IMU_HZ / c.hz);
      this.restartImu(stream);
      sensor.rateHz = c.hz;
    }
    return 'ok';
  }

  private stop(sensor: SensorDescriptor): void {
    const stream = this.imu.find((i) => i.group.id === sensor.id);
    if (stream && sensor.streaming) this.flushImu(stream);
    sensor.streaming = false;
  }

  private restartImu(stream: ImuStream): void {
    stream.sum.fill(0);
    stream.summed = 0;
    stream.batched = 0;
    stream.batchTarget = Math.max(1, Math.round((IMU_HZ / stream.decimation) * IMU_FRAME_SECONDS));
    stream.batch = new Float32Array(stream.batchTarget * 3);
    stream.restart = true;
  }

  private produceImu(ms: number): void {
    this.imuDue += (ms * IMU_HZ) / 1000;
    const count = Math.floor(this.imuDue);
    if (count === 0) return;
    this.imuDue -= count;
    const readings = this.gestures.next(count);
    const streaming = this.imu.filter((i) => this.sensors[i.group.id - 1].streaming);
    for (let r = 0; r < count; r++) {
      for (const stream of streaming) this.addReading(stream, readings, r * IMU_AXES);
      this.deviceTimeUs += IMU_PERIOD_US;
    }
  }

  /** Adds one reading of the synthetic IMU to a stream: averaged over its period, batched into frames. */
  private addReading(s: ImuStream, readings: Float32Array, at: number): void {
    if (s.summed === 0) s.firstSubReadingUs = this.deviceTimeUs;
    for (let a = 0; a < 3; a++) s.sum[a] += readings[at + s.group.offset + a];
    if (++s.summed < s.decimation) return;
    if (s.batched === 0) s.batchTimeUs = s.firstSubReadingUs;
    for (let a = 0; a < 3; a++) s.batch[s.batched * 3 + a] = s.sum[a] / s.decimation;
    s.sum.fill(0);
    s.summed = 0;
    if (++s.batched >= s.batchTarget) this.flushImu(s);
  }

  private flushImu(s: ImuStream): void {
    if (s.batched === 0) return;
    const id = s.group.id;
    const start = s.restart;
    if (start) this.seq.set(id, 0);
    s.restart = false;
    const raw = toRawInt16(s.batch.subarray(0, s.batched * 3), s.group.scale);
    this.outbox.push(encodeImu(id, this.nextSeq(id), s.batchTimeUs >>> 0, 3, raw, { start }));
    s.batched = 0;
  }

  private produceAudio(ms: number): void {
    this.audioDue += (ms * AUDIO_RATE) / 1000;
    const mic = this.sensors[MIC_ID - 1];
    while (this.audioDue >= AUDIO_PER_FRAME) {
      this.audioDue -= AUDIO_PER_FRAME;
      const pcm = this.audio.next(AUDIO_PER_FRAME);
      if (!mic.streaming) continue;
      const start = this.micRestart;
      this.micRestart = false;
      if (start) {
        this.audioIndex = 0;
        this.seq.set(MIC_ID, 0);
      }
      this.outbox.push(encodeAudio(MIC_ID, this.nextSeq(MIC_ID), this.audioIndex >>> 0, pcm, { start }));
      this.audioIndex += AUDIO_PER_FRAME;
    }
  }
}
