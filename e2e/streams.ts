import { encodeAudio, encodeHandshake, encodeImu, type DeviceInfo } from '../src/core/protocol';

/**
 * Data-forwarder lines: 3 axes at `hz`, with noise lines mixed in, as a board prints them: `schedule` gives each
 * line's end offset with the time it is printed (a noise line goes out with the reading before it).
 */
export function forwarderLines(
  seconds: number,
  hz: number,
): { bytes: Uint8Array; bytesPerSecond: number; schedule: [number, number][]; noise: number } {
  const lines: { text: string; ms: number }[] = [{ text: '4.1,-0.2', ms: 0 }];
  let noise = 0;
  const n = Math.round(seconds * hz);
  for (let i = 0; i < n; i++) {
    const t = i / hz;
    const text = [Math.sin(2 * Math.PI * 2 * t) * 5, Math.cos(2 * Math.PI * t) * 2, 9.81]
      .map((v) => v.toFixed(3))
      .join(i % 2 ? '\t' : ',');
    lines.push({ text, ms: t * 1000 });
    if (i > 0 && i % 97 === 0) {
      lines.push({ text: i % 194 === 0 ? 'Starting sensor...' : 'x=1 y=2 z=3', ms: t * 1000 });
      noise++;
    }
  }
  const schedule: [number, number][] = [];
  let offset = 0;
  for (const line of lines) {
    offset += line.text.length + 2;
    schedule.push([offset, line.ms]);
  }
  const text = lines.map((l) => l.text + '\r\n').join('');
  return { bytes: new TextEncoder().encode(text), bytesPerSecond: text.length / seconds, schedule, noise };
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
 * audio in 256-sample frames; `dropAcc` accelerometer frames left out (sequence gaps), `corrupt` audio
 * frames with a flipped payload byte, and a line of text every `noiseEvery` accelerometer frames.
 */
export function studioStream(seconds: number, dropAcc: number[], corrupt: number[], noiseEvery = 0) {
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
    // Text a board might print between frames (a boot banner, a library's warning): no sync byte in it.
    if (noiseEvery > 0 && f % noiseEvery === noiseEvery - 1)
      parts.push(new TextEncoder().encode('IMU ok\r\n'));
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
