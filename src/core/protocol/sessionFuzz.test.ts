import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { MAX_LINE } from './lineSplitter';
import { SerialSession } from './serialSession';
import type { SessionEvent } from './sessionEvents';
import { encodeAck, encodeDeviceError, encodeText } from './studioEncoder';
import { MAX_FRAME } from './studioFrames';
import { sensorLine } from './testUtils/forwarderLines';
import { ascii, concat, randomChunks, realisticStudioStream, seededRandom } from './testUtils/streams';

const studioStream = concat([
  ascii('bootloader v1\r\n'),
  realisticStudioStream(0.1),
  encodeText('ready', 1),
  encodeAck('start', 3, 'ok', 2),
  encodeDeviceError('overrun', 3),
]);
const forwarderStream = ascii(
  '\n' + Array.from({ length: 120 }, (_, i) => (i % 40 === 7 ? 'ERR: x\r\n' : sensorLine(i))).join(''),
);
const valid = [studioStream, forwarderStream];

type Kind = 'random' | 'truncate' | 'flip' | 'one-bit' | 'splice' | 'insert';
const KINDS: Kind[] = ['random', 'truncate', 'flip', 'one-bit', 'splice', 'insert'];

function mutate(random: () => number, source: Uint8Array, kind: Kind): Uint8Array {
  const int = (n: number) => Math.floor(random() * n);
  const noise = (n: number) => Uint8Array.from({ length: n }, () => (random() < 0.1 ? 0xa5 : int(256)));
  switch (kind) {
    case 'random':
      return noise(int(2000));
    case 'truncate':
      return source.slice(0, int(source.length + 1));
    case 'flip': {
      const out = source.slice();
      for (let i = 1 + int(8); i > 0; i--)
        out[int(out.length)] = random() < 0.5 ? int(256) : out[int(out.length)] ^ (1 << int(8));
      return out;
    }
    case 'one-bit': {
      const out = source.slice();
      out[int(out.length)] ^= 1 << int(8);
      return out;
    }
    case 'splice': {
      const cut = int(source.length + 1);
      return concat([source.subarray(0, cut), noise(int(300))]);
    }
    case 'insert': {
      const at = int(source.length + 1);
      return concat([source.subarray(0, at), noise(1 + int(40)), source.subarray(at)]);
    }
  }
}

const EVENT_TYPES = new Set([
  'protocol',
  'handshake',
  'samples',
  'malformed-line',
  'device-error',
  'device-text',
  'ack',
  'rate',
  'unknown-sensor',
  'dropped',
  'corrupt',
  'garbage',
]);

/** What is wrong with an event, or null (plain checks: expect() per value would dominate the run time). */
function problemOf(e: SessionEvent): string | null {
  if (!EVENT_TYPES.has(e.type)) return `unknown event ${e.type}`;
  if (e.type === 'samples') {
    if (e.axes < 1 || e.values.length !== e.frames * e.axes)
      return `samples of ${e.frames} × ${e.axes} in ${e.values.length}`;
    if (e.values instanceof Float32Array && !e.values.every(Number.isFinite)) return 'non-finite reading';
  }
  if ((e.type === 'dropped' || e.type === 'corrupt' || e.type === 'malformed-line') && !(e.count >= 0))
    return `${e.type} count ${e.count}`;
  return null;
}

const key = (e: Extract<SessionEvent, { type: 'samples' }>) =>
  `${e.sensorId}@${e.firstFrame}:${Array.from(e.values).join(',')}`;

describe('SerialSession fuzzing', () => {
  it('turns 2400 corrupted, truncated and random streams into typed events only, in bounded time and memory', () => {
    const random = seededRandom(2024);
    const originalStudioSamples = new Set(
      new SerialSession().feed(studioStream, 0).flatMap((e) => (e.type === 'samples' ? [key(e)] : [])),
    );
    const stats = { events: 0, studio: 0, forwarder: 0, thrown: 0 };
    for (let i = 0; i < 2400; i++) {
      const kind = KINDS[i % KINDS.length];
      const source = valid[Math.floor(i / KINDS.length) % valid.length];
      const input = mutate(random, source, kind);
      const session = new SerialSession();
      const started = performance.now();
      const events: SessionEvent[] = [];
      try {
        randomChunks(input, random, 1 + Math.floor(random() * 256)).forEach((chunk, n) => {
          events.push(...session.feed(chunk, n * 3));
          if (session.bufferedBytes > MAX_FRAME + MAX_LINE)
            throw new Error(`holds ${session.bufferedBytes} bytes`);
        });
        events.push(...session.flush(1e6));
      } catch (e) {
        if (!(e instanceof StudioError)) {
          const hex = Array.from(input.subarray(0, 128), (b) => b.toString(16).padStart(2, '0')).join('');
          throw new Error(`iteration ${i} (${kind}) threw ${String(e)}; input starts ${hex}`, { cause: e });
        }
        stats.thrown++;
      }
      expect(performance.now() - started, `iteration ${i} took too long`).toBeLessThan(1000);
      expect(
        events.map(problemOf).filter((p) => p !== null),
        `iteration ${i}`,
      ).toEqual([]);
      stats.events += events.length;
      if (session.protocol) stats[session.protocol]++;
      // CRC-16 catches every single-bit error: no altered reading may get through.
      if (kind === 'one-bit' && source === studioStream) {
        const altered = events.filter((e) => e.type === 'samples' && !originalStudioSamples.has(key(e)));
        expect(altered, `iteration ${i}`).toEqual([]);
      }
    }
    expect(stats.thrown).toBe(0);
    expect(stats.studio).toBeGreaterThan(500);
    expect(stats.forwarder).toBeGreaterThan(500);
  });
});
