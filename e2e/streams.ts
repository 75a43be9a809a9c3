import { encodeAudio, encodeHandshake, encodeImu, type DeviceInfo } from '../src/core/protocol';

/** Data-forwarder lines: 3 axes at `hz`, with noise lines mixed in. Returns the bytes and the noise count. */
export function forwarderLines(
  seconds: number,
  hz: number,
): { bytes: Uint8Array; bytesPerSecond: number; noise: number } {
  const lines: string[] = ['4.1,-0.2'];
  let noise = 0;
  const n = Math.round(seconds * hz);
  for (let i = 0; i < n; i++) {
    const t = i / hz;
    lines.push(
      [Math.sin(2 * Math.PI * 2 * t) * 5, Math.cos(2 * Math.PI * t) * 2, 9.81]
        .map((v) => v.toFixed(3))
        .join(i % 2 ? '\t' : ','),
    );
    if (i > 0 && i % 97 === 0) {
      lines.push(i % 194 === 0 ? 'Starting sensor...' : 'x=1 y=2 z=3');
      noise++;
    }
  }
  const text = lines.join('\r\n') + '\r\n';
  return { bytes: new TextEncoder().encode(text), bytesPerSecond: text.length / seconds, noise };
}

const INFO: DeviceInfo = {
  board: 'Arduino Nano 33 BLE Sense',
  revision: 'Rev2',
  firmware: '1.0.0',
  sensors: [
    {
      id: 1,
      kind: 'imu',
      name: 'accelerometer',
      units: 'm/s2',
      axes: ['accX', 'accY', 'accZ'],
      scale: (4 * 9.80665) / 32768,
      rates: [100],
      rateHz: 100,
      streaming: true,
    },
    {
      id: 4,
      kind: 'audio',
      name: 'microphone',
      units: 'wav',
      axes: ['audio'],
      scale: 1,
      rates: [16000],
      rateHz: 16000,
      streaming: true,
    },
  ],
};

/**
 * The studio protocol as the firmware sends it: handshake, 100 Hz accelerometer in 5-reading frames, 16 kHz
 * audio in 256-sample frames; `dropAcc` accelerometer frames left out (sequence gaps) and `corrupt` audio
 * frames with a flipped payload byte.
 */
export function studioStream(seconds: number, dropAcc: number[], corrupt: number[]) {
  const parts: Uint8Array[] = [encodeHandshake(INFO, 0)];
  let accSeq = 0;
  let micSeq = 0;
  let sample = 0;
  const accFrames = Math.round((seconds * 100) / 5);
  for (let f = 0; f < accFrames; f++) {
    const raw = new Int16Array(15);
    for (let i = 0; i < 5; i++) {
      const t = (f * 5 + i) / 100;
      raw[i * 3] = Math.round(Math.sin(2 * Math.PI * t) * 3000);
      raw[i * 3 + 1] = Math.round(Math.cos(2 * Math.PI * t) * 2000);
      raw[i * 3 + 2] = 8192;
    }
    const frame = encodeImu(1, accSeq++, f * 50_000, 3, raw);
    if (!dropAcc.includes(f)) parts.push(frame);
    // 50 ms of audio per accelerometer frame: 800 samples, sent as 256-sample frames.
    while (sample < (f + 1) * 800) {
      const pcm = new Int16Array(256).map((_, i) =>
        Math.round(Math.sin(((sample + i) / 16000) * 2 * Math.PI * 440) * 8000),
      );
      const bytes = encodeAudio(4, micSeq, sample, pcm);
      if (corrupt.includes(micSeq)) bytes[20] ^= 0x40;
      parts.push(bytes);
      micSeq++;
      sample += 256;
    }
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, bytesPerSecond: total / seconds };
}
