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
/** The synthetic IMU runs on one fixed clock; other rates are refused with an 'unsupported-rate' ack. */
export const VIRTUAL_IMU_HZ = 100;
const AUDIO_RATE = 16000;
/** Readings per IMU frame and samples per audio frame: 16 ms of audio, as the sketch batches them. */
const IMU_PER_FRAME = 5;
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

export class VirtualFirmware {
  private readonly commands = new CommandDecoder();
  private readonly gestures: GestureStream;
  private readonly audio: VirtualAudio;
  private readonly sensors: SensorDescriptor[];
  private readonly seq = new Map<number, number>();
  private readonly started = new Set<number>();
  private readonly outbox: Uint8Array[] = [];
  private readonly imuHz = VIRTUAL_IMU_HZ;
  private imuDue = 0;
  private audioDue = 0;
  private deviceTimeUs = 0;
  private audioIndex = 0;

  constructor(options: VirtualFirmwareOptions) {
    this.gestures = createGestureStream({
      gesture: options.gesture,
      sampleRateHz: this.imuHz,
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
        rates: [VIRTUAL_IMU_HZ],
        rateHz: this.imuHz,
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
      for (const s of this.sensors) s.streaming = false;
      return 'ok';
    }
    const sensor = this.sensors.find((s) => s.id === c.sensorId);
    if (!sensor) return 'unknown-sensor';
    if (c.type === 'start') {
      if (!sensor.streaming) this.started.add(sensor.id);
      sensor.streaming = true;
      return 'ok';
    }
    if (c.type === 'stop') {
      sensor.streaming = false;
      return 'ok';
    }
    return sensor.rates.includes(c.hz) ? 'ok' : 'unsupported-rate';
  }

  private produceImu(ms: number): void {
    this.imuDue += (ms * this.imuHz) / 1000;
    const streaming = IMU_GROUPS.filter((g) => this.sensors[g.id - 1].streaming);
    while (this.imuDue >= IMU_PER_FRAME) {
      this.imuDue -= IMU_PER_FRAME;
      const readings = this.gestures.next(IMU_PER_FRAME);
      for (const g of streaming) {
        const part = new Float32Array(IMU_PER_FRAME * 3);
        for (let i = 0; i < IMU_PER_FRAME; i++)
          for (let a = 0; a < 3; a++) part[i * 3 + a] = readings[i * IMU_AXES + g.offset + a];
        const start = this.started.delete(g.id);
        this.outbox.push(
          encodeImu(g.id, this.nextSeq(g.id), this.deviceTimeUs >>> 0, 3, toRawInt16(part, g.scale), {
            start,
          }),
        );
      }
      this.deviceTimeUs += (IMU_PER_FRAME * 1e6) / this.imuHz;
    }
  }

  private produceAudio(ms: number): void {
    this.audioDue += (ms * AUDIO_RATE) / 1000;
    const mic = this.sensors[MIC_ID - 1];
    while (this.audioDue >= AUDIO_PER_FRAME) {
      this.audioDue -= AUDIO_PER_FRAME;
      const pcm = this.audio.next(AUDIO_PER_FRAME);
      if (!mic.streaming) continue;
      const start = this.started.delete(MIC_ID);
      if (start) this.audioIndex = 0;
      this.outbox.push(encodeAudio(MIC_ID, this.nextSeq(MIC_ID), this.audioIndex >>> 0, pcm, { start }));
      this.audioIndex += AUDIO_PER_FRAME;
    }
  }
}
