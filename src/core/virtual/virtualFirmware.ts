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
const IMU_PERIOD_MS = 1000 / IMU_HZ;
const AUDIO_RATE = 16000;
/** An IMU frame carries about this much time (5 readings at 100 Hz), as the sketch batches them. */
const IMU_FRAME_SECONDS = 0.05;
/** Samples per audio frame: 16 ms of audio, as the sketch batches them. */
const AUDIO_PER_FRAME = 256;
/**
 * When the host stops reading (a long task or a throttled background tab stalls the page's timers), the board
 * keeps sampling, as a real one does: what it sampled waits in its transmit buffer, up to this much of it. What
 * it samples while that buffer is full is lost, and its sequence numbers and clock move on, so the host counts
 * the lost frames and marks the stream broken instead of joining data across the hole.
 */
export const VIRTUAL_BACKLOG_MS = 2000;
/**
 * The link drains a backlog at this many times real time (a stall's data arrives over several ticks, in order and
 * at a steady pace, never dumped at once), counting at most MAX_STEP_MS of the host's time per call.
 */
const LINK_SPEEDUP = 4;
const MAX_STEP_MS = 50;

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
  /**
   * Frames not yet sent, in order, each with the sampling time it was ready at: time the board sampled, in ms
   * since it started, not counting time lost to a full buffer (`sampledMs`). The link has carried all that was
   * ready by `sentMs`.
   */
  private outbox: Array<{ bytes: Uint8Array; atMs: number }> = [];
  private sampledMs = 0;
  private sentMs = 0;
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

  /**
   * What the board sends during the next `elapsedMs`: it samples all of that time (into its transmit buffer, up
   * to VIRTUAL_BACKLOG_MS behind the link), and the link carries what is due, oldest first.
   */
  produce(elapsedMs: number): Uint8Array {
    const ms = Math.max(0, elapsedMs);
    const room = Math.max(0, VIRTUAL_BACKLOG_MS - (this.sampledMs - this.sentMs));
    const sampled = Math.min(ms, room);
    this.produceImu(sampled);
    this.produceAudio(sampled);
    this.sampledMs += sampled;
    if (ms > sampled) this.lose(ms - sampled);
    this.sentMs = Math.min(this.sampledMs, this.sentMs + LINK_SPEEDUP * Math.min(ms, MAX_STEP_MS));
    return this.send();
  }

  /** The frames the link has carried by now (ready at or before `sentMs`), as one chunk of bytes. */
  private send(): Uint8Array {
    const due = this.outbox.filter((f) => f.atMs <= this.sentMs);
    if (due.length === 0) return new Uint8Array(0);
    this.outbox = this.outbox.filter((f) => f.atMs > this.sentMs);
    const out = new Uint8Array(due.reduce((n, f) => n + f.bytes.length, 0));
    let at = 0;
    for (const f of due) {
      out.set(f.bytes, at);
      at += f.bytes.length;
    }
    return out;
  }

  private push(bytes: Uint8Array, atMs: number): void {
    this.outbox.push({ bytes, atMs });
  }

  /**
   * `ms` of sampling that did not fit in the full transmit buffer: nothing is synthesised for it, but the clock
   * and every streaming sensor's sequence number move on by what it would have sent (at least one frame), so
   * the host sees the hole. Readings being averaged or batched were taken before it: they go out first.
   */
  private lose(ms: number): void {
    const readings = Math.floor(this.imuDue + (ms * IMU_HZ) / 1000);
    this.imuDue += (ms * IMU_HZ) / 1000 - readings;
    if (readings > 0) {
      for (const stream of this.imu) {
        if (!this.sensors[stream.group.id - 1].streaming) continue;
        this.flushImu(stream);
        stream.sum.fill(0);
        stream.summed = 0;
        this.skipSeq(stream.group.id, Math.floor(readings / (stream.decimation * stream.batchTarget)));
      }
      this.deviceTimeUs += readings * IMU_PERIOD_US;
    }
    this.audioDue += (ms * AUDIO_RATE) / 1000;
    const audioFrames = Math.floor(this.audioDue / AUDIO_PER_FRAME);
    this.audioDue -= audioFrames * AUDIO_PER_FRAME;
    if (audioFrames > 0 && this.sensors[MIC_ID - 1].streaming && !this.micRestart) {
      this.skipSeq(MIC_ID, audioFrames);
      this.audioIndex += audioFrames * AUDIO_PER_FRAME;
    }
  }

  private skipSeq(stream: number, frames: number): void {
    this.seq.set(stream, ((this.seq.get(stream) ?? 0) + Math.max(1, frames)) & 0xffff);
  }

  private nextSeq(stream: number): number {
    const s = this.seq.get(stream) ?? 0;
    this.seq.set(stream, (s + 1) & 0xffff);
    return s;
  }

  private execute(commandSeq: number, c: HostCommand): void {
    if (c.type === 'hello') {
      this.push(encodeHandshake(this.deviceInfo(), this.nextSeq(0)), this.sampledMs);
      return;
    }
    this.push(encodeAck(c.type, commandSeq, this.apply(c), this.nextSeq(0)), this.sampledMs);
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
    const dueBefore = this.imuDue;
    this.imuDue += (ms * IMU_HZ) / 1000;
    const count = Math.floor(this.imuDue);
    if (count === 0) return;
    this.imuDue -= count;
    const readings = this.gestures.next(count);
    const streaming = this.imu.filter((i) => this.sensors[i.group.id - 1].streaming);
    for (let r = 0; r < count; r++) {
      // Reading r is taken once the time due crosses r + 1.
      const atMs = this.sampledMs + (r + 1 - dueBefore) * IMU_PERIOD_MS;
      for (const stream of streaming) this.addReading(stream, readings, r * IMU_AXES, atMs);
      this.deviceTimeUs += IMU_PERIOD_US;
    }
  }

  /** Adds one reading of the synthetic IMU to a stream: averaged over its period, batched into frames. */
  private addReading(s: ImuStream, readings: Float32Array, at: number, atMs: number): void {
    if (s.summed === 0) s.firstSubReadingUs = this.deviceTimeUs;
    for (let a = 0; a < 3; a++) s.sum[a] += readings[at + s.group.offset + a];
    if (++s.summed < s.decimation) return;
    if (s.batched === 0) s.batchTimeUs = s.firstSubReadingUs;
    for (let a = 0; a < 3; a++) s.batch[s.batched * 3 + a] = s.sum[a] / s.decimation;
    s.sum.fill(0);
    s.summed = 0;
    if (++s.batched >= s.batchTarget) this.flushImu(s, atMs);
  }

  /** Sends what `s` has batched, ready at `atMs` (by default now: between two steps of sampling). */
  private flushImu(s: ImuStream, atMs = this.sampledMs): void {
    if (s.batched === 0) return;
    const id = s.group.id;
    const start = s.restart;
    if (start) this.seq.set(id, 0);
    s.restart = false;
    const raw = toRawInt16(s.batch.subarray(0, s.batched * 3), s.group.scale);
    this.push(encodeImu(id, this.nextSeq(id), s.batchTimeUs >>> 0, 3, raw, { start }), atMs);
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
      // Ready once its last sample is taken: the time still to come in this step is what remains due.
      const readyMs = this.sampledMs + ms - (this.audioDue * 1000) / AUDIO_RATE;
      this.push(encodeAudio(MIC_ID, this.nextSeq(MIC_ID), this.audioIndex >>> 0, pcm, { start }), readyMs);
      this.audioIndex += AUDIO_PER_FRAME;
    }
  }
}
