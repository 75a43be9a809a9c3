import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { crc16 } from './crc16';
import { StudioDecoder, type StudioDecoderEvent } from './studioDecoder';
import {
  encodeAck,
  encodeAudio,
  encodeDeviceError,
  encodeHandshake,
  encodeImu,
  encodeText,
} from './studioEncoder';
import { HEADER_SIZE, MAX_PAYLOAD, type DeviceFrame } from './studioFrames';
import { concat, everySplit, nanoRev2, randomChunks, seededRandom } from './testUtils/streams';

function decode(chunks: Uint8Array[]): StudioDecoderEvent[] {
  const decoder = new StudioDecoder();
  const out: StudioDecoderEvent[] = [];
  for (const c of chunks) decoder.push(c, out);
  decoder.flush(out);
  return out;
}

const frames = (events: StudioDecoderEvent[]): DeviceFrame[] =>
  events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
const notFrames = (events: StudioDecoderEvent[]) => events.filter((e) => e.type !== 'frame');

/** Rewrites the CRC after editing a frame, to build frames that are well-formed but say something wrong. */
function fixCrc(frame: Uint8Array): Uint8Array {
  const end = frame.length - 2;
  const crc = crc16(frame, 2, end);
  frame[end] = crc & 0xff;
  frame[end + 1] = crc >> 8;
  return frame;
}

const imuFrame = (seq: number, start = false) =>
  encodeImu(1, seq, seq * 40_000, 3, Int16Array.from([seq, -seq, 7, seq * 3, 0, -1]), { start });

describe('studio frames: encode → decode', () => {
  it('round-trips every device frame type, including edge values and empty payloads', () => {
    const info = nanoRev2();
    const extremes = Int16Array.from([-32768, 32767, 0, -1, 1, 12345]);
    const bytes = concat([
      encodeHandshake(info, 0, { start: true }),
      encodeImu(2, 9, 0xffffffff, 3, extremes, { start: true }),
      encodeAudio(4, 3, 0xfffffff0, extremes, { start: true }),
      encodeAudio(4, 4, 0xfffffff6, new Int16Array(0)),
      encodeText('', 1),
      encodeText('Ready — µT ✓', 2),
      encodeDeviceError('IMU not found', 3),
      encodeAck('set-rate', 65535, 'unsupported-rate', 4),
    ]);
    const events = decode([bytes]);
    expect(notFrames(events)).toEqual([]);
    expect(frames(events)).toEqual([
      { type: 'handshake', seq: 0, info },
      {
        type: 'imu',
        sensorId: 2,
        seq: 9,
        continuous: false,
        deviceTimeUs: 0xffffffff,
        axes: 3,
        values: extremes,
      },
      { type: 'audio', sensorId: 4, seq: 3, continuous: false, sampleIndex: 0xfffffff0, pcm: extremes },
      // 0xfffffff0 + 6 samples: the index follows, and wraps at 2^32 later.
      {
        type: 'audio',
        sensorId: 4,
        seq: 4,
        continuous: true,
        sampleIndex: 0xfffffff6,
        pcm: new Int16Array(0),
      },
      { type: 'text', seq: 1, text: '' },
      { type: 'text', seq: 2, text: 'Ready — µT ✓' },
      { type: 'error', seq: 3, text: 'IMU not found' },
      { type: 'ack', seq: 4, command: 'set-rate', commandSeq: 65535, status: 'unsupported-rate' },
    ]);
  });

  it('produces the worked example of docs/protocol.md byte for byte', () => {
    const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
    expect(hex(encodeImu(1, 7, 1000, 3, Int16Array.from([1, -1, 256]), { start: true }))).toBe(
      'a5 5a 02 01 01 07 00 0c 00 e8 03 00 00 03 01 01 00 ff ff 00 01 ba 5a',
    );
    expect(hex(encodeText('hi', 0x0102))).toBe('a5 5a 04 00 00 02 01 02 00 68 69 e8 37');
  });

  it('decodes the same whatever the chunking: every split point and one-byte chunks', () => {
    const bytes = concat([
      encodeHandshake(nanoRev2(), 0, { start: true }),
      imuFrame(0, true),
      encodeAudio(4, 0, 0, Int16Array.from([1, 2, 3]), { start: true }),
      encodeText('ok', 1),
      imuFrame(1),
    ]);
    const whole = decode([bytes]);
    expect(frames(whole)).toHaveLength(5);
    for (const chunks of everySplit(bytes)) expect(decode(chunks)).toEqual(whole);
  });

  it('decodes a long stream cut at random points', () => {
    const random = seededRandom(7);
    const parts = Array.from({ length: 300 }, (_, i) => imuFrame(i, i === 0));
    const events = decode(randomChunks(concat(parts), random, 100));
    expect(notFrames(events)).toEqual([]);
    expect(frames(events).map((f) => f.type === 'imu' && f.values[0])).toEqual(parts.map((_, i) => i));
  });

  it('tolerates a frame of the maximum size and refuses to encode a larger one', () => {
    const pcm = new Int16Array((MAX_PAYLOAD - 4) / 2).fill(-32768);
    const [frame] = frames(decode([encodeAudio(4, 0, 0, pcm)]));
    expect(frame.type === 'audio' && frame.pcm.length).toBe(510);
    expect(() => encodeAudio(4, 0, 0, new Int16Array(511))).toThrow(StudioError);
    expect(() => encodeText('x'.repeat(MAX_PAYLOAD + 1), 0)).toThrow(/exceeds the protocol's maximum/);
  });

  it('refuses invalid encoder arguments with a typed error', () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return e instanceof StudioError ? e.code : 'untyped';
      }
      return 'none';
    };
    expect(code(() => encodeImu(0, 0, 0, 3, new Int16Array(3)))).toBe('protocol-encode');
    expect(code(() => encodeImu(255, 0, 0, 3, new Int16Array(3)))).toBe('protocol-encode');
    expect(code(() => encodeImu(1, 0, 0, 3, new Int16Array(4)))).toBe('protocol-encode');
    expect(code(() => encodeImu(1, 0, 0, 3, new Int16Array(0)))).toBe('protocol-encode');
    const info = nanoRev2();
    info.sensors[1].id = 1;
    expect(code(() => encodeHandshake(info, 0))).toBe('protocol-encode');
    const badRate = nanoRev2();
    badRate.sensors[0].rates = [0];
    expect(code(() => encodeHandshake(badRate, 0))).toBe('protocol-encode');
  });
});

describe('studio frames: sequence numbers', () => {
  it('counts exactly the frames missing from a stream and marks the next frame not continuous', () => {
    const missing = new Set([3, 4, 5, 10, 20, 21]);
    const sent = Array.from({ length: 30 }, (_, i) => i).filter((i) => !missing.has(i));
    const events = decode([concat(sent.map((i) => imuFrame(i, i === 0)))]);
    expect(events.filter((e) => e.type === 'dropped')).toEqual([
      { type: 'dropped', sensorId: 1, count: 3 },
      { type: 'dropped', sensorId: 1, count: 1 },
      { type: 'dropped', sensorId: 1, count: 2 },
    ]);
    const discontinuous = frames(events).flatMap((f) => (f.type === 'imu' && !f.continuous ? [f.seq] : []));
    expect(discontinuous).toEqual([0, 6, 11, 22]);
  });

  it('keeps separate counters per stream and wraps at 65536', () => {
    const bytes = concat([
      encodeImu(1, 65534, 0, 1, Int16Array.of(1)),
      encodeText('a', 0),
      encodeImu(1, 65535, 0, 1, Int16Array.of(2)),
      encodeImu(2, 7, 0, 1, Int16Array.of(3)),
      encodeImu(1, 0, 0, 1, Int16Array.of(4)),
      encodeText('b', 2),
    ]);
    const events = decode([bytes]);
    expect(events.filter((e) => e.type === 'dropped')).toEqual([{ type: 'dropped', sensorId: 0, count: 1 }]);
    expect(frames(events).flatMap((f) => (f.type === 'imu' ? [f.continuous] : []))).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('treats a restart flag as a new stream, not a gap, and a backwards step as out of order', () => {
    const bytes = concat([imuFrame(40, true), imuFrame(41), imuFrame(0, true), imuFrame(1), imuFrame(0)]);
    const events = decode([bytes]);
    expect(notFrames(events)).toEqual([{ type: 'corrupt', reason: 'sequence', count: 1, bytes: 0 }]);
    expect(frames(events).map((f) => f.type === 'imu' && f.continuous)).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it('marks audio after a jump of the sample index (device overrun) as not continuous', () => {
    const pcm = new Int16Array(256);
    const bytes = concat([
      encodeAudio(4, 0, 0, pcm, { start: true }),
      encodeAudio(4, 1, 256, pcm),
      encodeAudio(4, 2, 1024, pcm),
    ]);
    const events = decode([bytes]);
    expect(notFrames(events)).toEqual([]);
    expect(frames(events).map((f) => f.type === 'audio' && f.continuous)).toEqual([false, true, false]);
  });
});

describe('studio frames: corruption and resynchronisation', () => {
  const stream = Array.from({ length: 12 }, (_, i) => imuFrame(i, i === 0));

  it('rejects a frame with any flipped bit, reports it, and decodes everything after it', () => {
    const victim = 5;
    const frameLength = stream[victim].length;
    for (let bit = 0; bit < frameLength * 8; bit++) {
      const parts = stream.map((f) => f.slice());
      parts[victim][bit >> 3] ^= 1 << (bit & 7);
      const events = decode([concat(parts)]);
      const seqs = frames(events).map((f) => (f.type === 'imu' ? f.seq : -1));
      expect(seqs, `bit ${bit}`).toEqual(stream.map((_, i) => i).filter((i) => i !== victim));
      const problems = notFrames(events);
      const skipped = problems.reduce(
        (n, e) => n + (e.type === 'corrupt' || e.type === 'garbage' ? e.bytes : 0),
        0,
      );
      expect(skipped, `bit ${bit}`).toBe(frameLength);
      // A hit sync byte leaves no frame candidate (garbage); anything else is a rejected candidate.
      const corrupt = problems.filter((e) => e.type === 'corrupt');
      expect(corrupt.length, `bit ${bit}`).toBe(bit < 16 ? 0 : 1);
      expect(
        problems.filter((e) => e.type === 'dropped'),
        `bit ${bit}`,
      ).toEqual([{ type: 'dropped', sensorId: 1, count: 1 }]);
    }
  });

  it('names why a candidate was rejected', () => {
    const reasonOf = (edit: (f: Uint8Array) => void, crc = false) => {
      const bad = stream[1].slice();
      edit(bad);
      if (crc) fixCrc(bad);
      const events = decode([concat([stream[0], bad, stream[2]])]);
      const corrupt = events.filter((e) => e.type === 'corrupt');
      expect(frames(events)).toHaveLength(2);
      return corrupt.map((e) => e.type === 'corrupt' && e.reason);
    };
    expect(reasonOf((f) => (f[2] = 0x42))).toEqual(['type']);
    expect(reasonOf((f) => (f[3] = 0x80))).toEqual(['header']);
    expect(reasonOf((f) => (f[4] = 0))).toEqual(['header']);
    expect(reasonOf((f) => (f[8] = 0x08))).toEqual(['length']);
    expect(reasonOf((f) => (f[HEADER_SIZE + 2] ^= 1))).toEqual(['crc']);
    // Checksum right, content wrong: 3 axes × 3 readings declared, 2 readings carried.
    expect(reasonOf((f) => (f[HEADER_SIZE + 5] = 3), true)).toEqual(['payload']);
  });

  it('never waits on a length it cannot trust beyond one frame: a lengthened frame does not hide the next ones', () => {
    const parts = stream.map((f) => f.slice());
    parts[3][7] = 0xf0; // length 240 instead of 18: the next frames are read as its payload, then rescanned
    const events = decode([concat(parts)]);
    expect(frames(events)).toHaveLength(11);
    expect(notFrames(events)).toEqual([
      { type: 'corrupt', reason: 'crc', count: 1, bytes: stream[3].length },
      { type: 'dropped', sensorId: 1, count: 1 },
    ]);
  });

  it('skips and reports garbage between frames, including stray sync bytes', () => {
    const noise = Uint8Array.from([0x00, 0xa5, 0x13, 0xa5, 0x5a, 0x99, 0xff, 0x5a, 0x0a]);
    const bytes = concat([stream[0], noise, stream[1], noise.subarray(0, 1), stream[2]]);
    for (const chunks of [[bytes], ...everySplit(bytes).slice(0, 40)]) {
      const events = decode(chunks);
      expect(frames(events)).toHaveLength(3);
      expect(notFrames(events)).toEqual([
        { type: 'corrupt', reason: 'type', count: 1, bytes: noise.length },
        { type: 'garbage', bytes: 1 },
      ]);
    }
  });

  it('reports a frame cut off by the end of the stream', () => {
    const bytes = concat([stream[0], stream[1].subarray(0, 12)]);
    expect(notFrames(decode([bytes]))).toEqual([
      { type: 'corrupt', reason: 'truncated', count: 1, bytes: 12 },
    ]);
  });

  it('rejects a handshake of another protocol version or with broken content, and recovers', () => {
    const other = encodeHandshake(nanoRev2(), 0).slice();
    other[HEADER_SIZE] = 2;
    const broken = encodeHandshake(nanoRev2(), 1).slice();
    broken[HEADER_SIZE + 2] = 200; // board name length runs past the payload
    fixCrc(other);
    fixCrc(broken);
    const events = decode([concat([other, stream[0], broken, stream[1]])]);
    expect(frames(events)).toHaveLength(2);
    expect(notFrames(events).map((e) => e.type === 'corrupt' && e.reason)).toEqual(['version', 'payload']);
  });

  it('reports long noise as it goes, without holding more than one frame', () => {
    const decoder = new StudioDecoder();
    const out: StudioDecoderEvent[] = [];
    const noise = new Uint8Array(50_000).fill(0x33);
    for (let i = 0; i < noise.length; i += 512) decoder.push(noise.subarray(i, i + 512), out);
    const skipped = out.reduce((n, e) => n + (e.type === 'garbage' ? e.bytes : 0), 0);
    expect(skipped).toBeGreaterThan(noise.length - 2000);
    expect(out.length).toBeLessThan(60);
  });
});
