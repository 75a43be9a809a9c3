/** Helpers for protocol tests and the parser benchmark: byte plumbing, a sample board, realistic streams. */
import { SerialSession } from '../serialSession';
import type { SessionEvent } from '../sessionEvents';
import { encodeAudio, encodeHandshake, encodeImu } from '../studioEncoder';
import type { DeviceInfo } from '../studioFrames';

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const ascii = (text: string) => new TextEncoder().encode(text);

export { seededRandom } from '../../random';

/** Cuts bytes into chunks at random points (chunk lengths 1…maxChunk). */
export function randomChunks(bytes: Uint8Array, random: () => number, maxChunk = 64): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const n = 1 + Math.floor(random() * maxChunk);
    chunks.push(bytes.subarray(at, at + n));
    at += n;
  }
  return chunks;
}

/** Every way of cutting bytes in two, plus one-byte chunks. */
export function everySplit(bytes: Uint8Array): Uint8Array[][] {
  const splits: Uint8Array[][] = [];
  for (let cut = 0; cut <= bytes.length; cut++) splits.push([bytes.subarray(0, cut), bytes.subarray(cut)]);
  splits.push(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)));
  return splits;
}

/** Feeds chunks to a fresh (or given) session, the i-th at time i × stepMs, then flushes; returns every event. */
export function run(chunks: Uint8Array[], session = new SerialSession(), stepMs = 1): SessionEvent[] {
  const events: SessionEvent[] = [];
  chunks.forEach((c, i) => events.push(...session.feed(c, i * stepMs)));
  events.push(...session.flush(chunks.length * stepMs));
  return events;
}

export function ofType<T extends SessionEvent['type']>(
  events: SessionEvent[],
  type: T,
): Extract<SessionEvent, { type: T }>[] {
  return events.filter((e): e is Extract<SessionEvent, { type: T }> => e.type === type);
}

/** A Nano 33 BLE Sense Rev2 as the studio firmware describes it. */
export function nanoRev2(): DeviceInfo {
  const imu = (id: number, name: string, units: string, prefix: string, scale: number, rates: number[]) => ({
    id,
    kind: 'imu' as const,
    name,
    units,
    axes: [`${prefix}X`, `${prefix}Y`, `${prefix}Z`],
    scale: Math.fround(scale),
    rates,
    rateHz: rates[0],
    streaming: false,
  });
  return {
    board: 'Arduino Nano 33 BLE Sense',
    revision: 'Rev2',
    firmware: '1.0.0',
    sensors: [
      imu(1, 'accelerometer', 'm/s2', 'acc', (4 * 9.80665) / 32768, [100, 50, 25]),
      imu(2, 'gyroscope', 'dps', 'gyr', 2000 / 32768, [100, 50, 25]),
      imu(3, 'magnetometer', 'uT', 'mag', 0.1, [10]),
      {
        id: 4,
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

export const AUDIO_FRAME_SAMPLES = 256;
export const IMU_READINGS_PER_FRAME = 4;

/**
 * `seconds` of what the firmware sends at full load: 16 kHz audio in 256-sample frames and three 3-axis IMU
 * sensors at `imuHz` in 4-reading frames, interleaved in time order, after a handshake.
 */
export function realisticStudioStream(seconds: number, imuHz = 100, seed = 1): Uint8Array {
  const parts: Uint8Array[] = [encodeHandshake(nanoRev2(), 0, { start: true })];
  let state = seed;
  const noise = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) - 32768;
  };
  const audioFrames = Math.floor((seconds * 16000) / AUDIO_FRAME_SAMPLES);
  const imuFrames = Math.floor((seconds * imuHz) / IMU_READINGS_PER_FRAME);
  const events: { t: number; bytes: () => Uint8Array }[] = [];
  for (let k = 0; k < audioFrames; k++) {
    events.push({
      t: ((k + 1) * AUDIO_FRAME_SAMPLES) / 16000,
      bytes: () =>
        encodeAudio(4, k, k * AUDIO_FRAME_SAMPLES, Int16Array.from({ length: AUDIO_FRAME_SAMPLES }, noise), {
          start: k === 0,
        }),
    });
  }
  for (let sensor = 1; sensor <= 3; sensor++) {
    for (let k = 0; k < imuFrames; k++) {
      const t0 = (k * IMU_READINGS_PER_FRAME) / imuHz;
      events.push({
        t: t0 + IMU_READINGS_PER_FRAME / imuHz,
        bytes: () =>
          encodeImu(
            sensor,
            k,
            Math.round(t0 * 1e6),
            3,
            Int16Array.from({ length: 3 * IMU_READINGS_PER_FRAME }, noise),
            {
              start: k === 0,
            },
          ),
      });
    }
  }
  events.sort((a, b) => a.t - b.t);
  for (const e of events) parts.push(e.bytes());
  return concat(parts);
}
