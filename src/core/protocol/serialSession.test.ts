import { describe, expect, it } from 'vitest';
import { encodeCommand } from './hostCommands';
import { SerialSession } from './serialSession';
import type { SessionEvent } from './sessionEvents';
import {
  encodeAck,
  encodeAudio,
  encodeDeviceError,
  encodeHandshake,
  encodeImu,
  encodeText,
} from './studioEncoder';
import { sensorLine } from './testUtils/forwarderLines';
import {
  ascii,
  concat,
  everySplit,
  nanoRev2,
  ofType,
  randomChunks,
  run,
  seededRandom,
} from './testUtils/streams';

/**
 * What a stream said, independent of how it was chunked: readings in order (with a "|" wherever continuity
 * broke), the total of malformed lines, and every other event except rate estimates (they depend on timing).
 */
function summary(events: SessionEvent[]) {
  const readings: (number[] | '|')[] = [];
  const others: SessionEvent[] = [];
  let malformed = 0;
  for (const e of events) {
    if (e.type === 'samples') {
      if (!e.continuous) readings.push('|');
      for (let f = 0; f < e.frames; f++)
        readings.push(Array.from(e.values.subarray(f * e.axes, (f + 1) * e.axes)));
    } else if (e.type === 'malformed-line') {
      malformed += e.count;
    } else if (e.type !== 'rate' || e.hz === null) {
      others.push(e);
    }
  }
  return { readings, malformed, others };
}

const lines = (...l: string[]) => ascii(l.join(''));

describe('SerialSession: data forwarder lines', () => {
  it('recognises the forwarder after three consistent lines and reports the axis count', () => {
    const events = run([lines('1,2,3\n', '4,5,6\n', '7,8,9\n', '10,11,12\n')]);
    expect(events.slice(0, 2)).toEqual([
      { type: 'protocol', protocol: 'forwarder' },
      { type: 'rate', axes: 3, hz: null, measuredHz: null },
    ]);
    // The first line may have been cut by opening the port mid-line, so it is never used.
    expect(summary(events).readings).toEqual(['|', [4, 5, 6], [7, 8, 9], [10, 11, 12]]);
  });

  it('reads \\n and \\r\\n lines with comma, TAB and space separators and trailing separators alike', () => {
    const a = run([lines('x\n', '1,2,3\n', '4\t5\t6\r\n', '7 8 9 \n', '10, 11, 12,\r\n', '13\t14\t15\t\n')]);
    expect(summary(a).readings).toEqual(['|', [1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12], [13, 14, 15]]);
    expect(summary(a).malformed).toBe(0);
  });

  it('drops a truncated first line and keeps the rest', () => {
    const events = run([lines('.5,9.81\r\n', '0.1,0.2,0.3\r\n', '0.4,0.5,0.6\r\n', '0.7,0.8,0.9\r\n')]);
    expect(summary(events).readings).toEqual([
      '|',
      [0.1, 0.2, 0.3].map(Math.fround),
      [0.4, 0.5, 0.6].map(Math.fround),
      [0.7, 0.8, 0.9].map(Math.fround),
    ]);
    expect(summary(events).malformed).toBe(0);
  });

  it('reports ERR lines as device errors, before and after the stream is recognised', () => {
    const events = run([
      lines(
        '\n',
        'ERR: IMU init failed\r\n',
        'Started\r\n',
        '1,2\n',
        '3,4\n',
        '5,6\n',
        'ERR: overflow\n',
        '7,8\n',
      ),
    ]);
    expect(ofType(events, 'device-error').map((e) => e.text)).toEqual([
      'ERR: IMU init failed',
      'ERR: overflow',
    ]);
    expect(ofType(events, 'device-text').map((e) => e.text)).toEqual(['Started']);
    // An ERR line is a message, not a lost reading: no continuity break.
    expect(summary(events).readings).toEqual(['|', [1, 2], [3, 4], [5, 6], [7, 8]]);
  });

  it('skips and counts noise lines between readings, marking the gap', () => {
    const events = run([
      lines(
        '\n',
        '1,2,3\n',
        '4,5,6\n',
        '7,8,9\n',
        'accel ok\n',
        '10,11,12\n',
        '1,,2,3\n',
        '13,14,15\n',
        'x\n',
        '16,17,18\n',
      ),
    ]);
    const s = summary(events);
    expect(s.readings).toEqual([
      '|',
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
      '|',
      [10, 11, 12],
      '|',
      [13, 14, 15],
      '|',
      [16, 17, 18],
    ]);
    expect(s.malformed).toBe(3);
    expect(ofType(events, 'malformed-line')[0].text).toBe('accel ok');
  });

  it('reports a change of axis count and never merges readings of the two layouts', () => {
    const three = Array.from({ length: 4 }, (_, i) => `${i},${i},${i}\n`);
    const six = Array.from({ length: 4 }, (_, i) => `${i},${i},${i},${i},${i},${i}\n`);
    const events = run([lines('\n', ...three, '9,9\n', ...three, ...six)]);
    expect(ofType(events, 'rate')).toEqual([
      { type: 'rate', axes: 3, hz: null, measuredHz: null },
      { type: 'rate', axes: 6, hz: null, measuredHz: null },
    ]);
    const samples = ofType(events, 'samples');
    expect(samples.map((e) => [e.axes, e.continuous, e.values.length / e.axes])).toEqual([
      [3, false, 4],
      [3, false, 4],
      [6, false, 4],
    ]);
    // The lone 2-value line was a glitch, not a new layout.
    expect(summary(events).malformed).toBe(1);
  });

  it('gives the same readings and counts for every chunking of a small stream', () => {
    const bytes = lines('9\n', '1,2,3\r\n', '4 5 6\n', 'ERR x\n', 'noise\n', '7\t8\t9,\r\n', '10,11,12\n');
    const whole = summary(run([bytes]));
    expect(whole.readings).toHaveLength(5);
    for (const chunks of everySplit(bytes)) expect(summary(run(chunks))).toEqual(whole);
  });

  it('gives the same readings for a long stream cut at random points', () => {
    const text =
      '\n' +
      Array.from({ length: 3000 }, (_, i) => (i % 97 === 50 ? 'debug: tick\r\n' : sensorLine(i, 6))).join('');
    const bytes = ascii(text);
    const whole = summary(run([bytes]));
    expect(whole.readings.filter((r) => r !== '|')).toHaveLength(3000 - 31);
    expect(whole.malformed).toBe(31);
    for (let seed = 1; seed <= 5; seed++)
      expect(summary(run(randomChunks(bytes, seededRandom(seed), 200)))).toEqual(whole);
  });

  it('counts a line longer than the limit as malformed without buffering it', () => {
    const session = new SerialSession();
    run([lines('\n', '1,2\n', '3,4\n', '5,6\n')], session);
    const long = ascii('1,'.repeat(100_000) + '\n');
    const events: SessionEvent[] = [];
    for (let i = 0; i < long.length; i += 4096) {
      events.push(...session.feed(long.subarray(i, i + 4096), i));
      expect(session.bufferedBytes).toBeLessThanOrEqual(1024);
    }
    events.push(...session.feed(lines('7,8\n'), 0), ...session.flush(0));
    expect(summary(events).malformed).toBe(1);
    expect(summary(events).readings).toEqual(['|', [7, 8]]);
  });

  it('counts a last line cut off by the end of the stream', () => {
    expect(summary(run([lines('\n', '1\n', '2\n', '3\n', '4')])).malformed).toBe(1);
  });
});

describe('SerialSession: studio protocol', () => {
  const info = nanoRev2();
  const handshake = encodeHandshake(info, 0, { start: true });

  it('recognises the studio protocol on the first good frame and scales IMU readings', () => {
    const events = run([
      concat([
        ascii('boot\r\n'),
        handshake,
        encodeImu(1, 0, 5000, 3, Int16Array.of(8192, -8192, 0), { start: true }),
      ]),
    ]);
    expect(events[0]).toEqual({ type: 'protocol', protocol: 'studio' });
    expect(events[1]).toEqual({ type: 'handshake', device: info });
    const [samples] = ofType(events, 'samples');
    const g = Math.fround((4 * 9.80665) / 32768) * 8192;
    expect(samples).toEqual({
      type: 'samples',
      source: 'studio',
      sensorId: 1,
      axes: 3,
      frames: 1,
      values: Float32Array.of(g, -g, 0),
      firstFrame: 5000,
      continuous: false,
      hz: 100,
      receivedAtMs: 0,
    });
  });

  it('delivers audio as raw PCM with its sample index', () => {
    const pcm = Int16Array.from({ length: 256 }, (_, i) => i * 100 - 12800);
    const events = run([
      concat([handshake, encodeAudio(4, 0, 0, pcm, { start: true }), encodeAudio(4, 1, 256, pcm)]),
    ]);
    expect(ofType(events, 'samples').map((e) => [e.firstFrame, e.continuous, e.values])).toEqual([
      [0, false, pcm],
      [256, true, pcm],
    ]);
    expect(ofType(events, 'samples')[0].values).toBeInstanceOf(Int16Array);
  });

  it('asks for a handshake when data arrives for a sensor it does not know', () => {
    const imu = (seq: number) => encodeImu(9, seq, 0, 1, Int16Array.of(1));
    const events = run([concat([imu(0), imu(1), handshake, imu(2)])]);
    expect(ofType(events, 'unknown-sensor')).toEqual([
      { type: 'unknown-sensor', sensorId: 9 },
      { type: 'unknown-sensor', sensorId: 9 },
    ]);
    expect(ofType(events, 'samples')).toEqual([]);
  });

  it('reports text, device errors, drops and corruption as typed events', () => {
    const bad = encodeImu(1, 1, 0, 3, Int16Array.of(1, 2, 3)).slice();
    bad[12] ^= 0x10;
    const events = run([
      concat([
        handshake,
        encodeImu(1, 0, 0, 3, Int16Array.of(1, 2, 3), { start: true }),
        bad,
        encodeImu(1, 2, 0, 3, Int16Array.of(1, 2, 3)),
        encodeText('calibrating', 1),
        encodeDeviceError('audio overrun: 256 samples lost', 2),
        // Axis count disagrees with the handshake: checksum fine, content refused.
        encodeImu(1, 3, 0, 2, Int16Array.of(1, 2)),
      ]),
    ]);
    expect(
      events.filter((e) => e.type !== 'samples' && e.type !== 'handshake' && e.type !== 'protocol'),
    ).toEqual([
      { type: 'corrupt', reason: 'crc', count: 1, bytes: bad.length },
      { type: 'dropped', sensorId: 1, count: 1 },
      { type: 'device-text', text: 'calibrating' },
      { type: 'device-error', text: 'audio overrun: 256 samples lost' },
      { type: 'corrupt', reason: 'payload', count: 1, bytes: 0 },
    ]);
    expect(ofType(events, 'samples').map((e) => e.continuous)).toEqual([false, false]);
  });

  it('encodes commands with increasing sequence numbers and applies acknowledged ones', () => {
    const session = new SerialSession();
    const hello = session.command({ type: 'hello' });
    const rate = session.command({ type: 'set-rate', sensorId: 1, hz: 50 });
    const start = session.command({ type: 'start', sensorId: 1 });
    expect([hello.seq, rate.seq, start.seq]).toEqual([0, 1, 2]);
    expect(rate.bytes).toEqual(encodeCommand({ type: 'set-rate', sensorId: 1, hz: 50 }, 1));
    const events = run(
      [
        concat([
          handshake,
          encodeAck('set-rate', 1, 'ok', 1),
          encodeAck('start', 2, 'ok', 2),
          encodeImu(1, 0, 0, 3, new Int16Array(3), { start: true }),
        ]),
      ],
      session,
    );
    expect(ofType(events, 'ack')).toEqual([
      { type: 'ack', command: 'set-rate', commandSeq: 1, status: 'ok' },
      { type: 'ack', command: 'start', commandSeq: 2, status: 'ok' },
    ]);
    expect(ofType(events, 'samples')[0].hz).toBe(50);
    expect(session.deviceInfo?.sensors[0]).toMatchObject({ rateHz: 50, streaming: true });
    expect(session.stats).toMatchObject({ frames: 4, readings: 1, dropped: 0, corrupt: 0 });
  });

  it('keeps its protocol until reset, then detects afresh', () => {
    const session = new SerialSession();
    run([handshake], session);
    expect(session.protocol).toBe('studio');
    expect(ofType(run([lines('\n1,2\n3,4\n5,6\n')], session), 'samples')).toEqual([]);
    session.reset();
    expect(session.protocol).toBeNull();
    run([lines('\n1,2\n3,4\n5,6\n')], session);
    expect(session.protocol).toBe('forwarder');
  });
});
