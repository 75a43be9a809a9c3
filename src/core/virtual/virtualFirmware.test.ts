import { describe, expect, it } from 'vitest';
import { SerialSession } from '../protocol';
import type { HostCommand, SamplesEvent, SessionEvent } from '../protocol';
import { ACC_SCALE } from './imuScale';
import { VirtualFirmware, VIRTUAL_BOARD_NAME } from './virtualFirmware';

describe('VirtualFirmware', () => {
  it('answers hello with a handshake and streams after start, through the real decoder', () => {
    const fw = new VirtualFirmware({ seed: 7, gesture: 'wave', audioMode: 'yes' });
    const session = new SerialSession();
    fw.receive(session.command({ type: 'hello' }).bytes);
    const events: SessionEvent[] = session.feed(fw.produce(0), 0);
    const handshake = events.find((e) => e.type === 'handshake');
    expect(handshake && handshake.type === 'handshake' && handshake.device.board).toBe(VIRTUAL_BOARD_NAME);
    for (const id of [1, 2, 3, 4]) fw.receive(session.command({ type: 'start', sensorId: id }).bytes);

    const got = new Map<number, number>();
    let audioFrames = 0;
    for (let t = 0; t < 2000; t += 20) {
      // Split each chunk at an odd point, as USB would.
      const bytes = fw.produce(20);
      const cut = Math.floor(bytes.length / 3);
      for (const e of [...session.feed(bytes.subarray(0, cut), t), ...session.feed(bytes.subarray(cut), t)]) {
        if (e.type !== 'samples') continue;
        const s = e as SamplesEvent;
        got.set(s.sensorId, (got.get(s.sensorId) ?? 0) + s.frames);
        if (s.sensorId === 4) {
          expect(s.values).toBeInstanceOf(Int16Array);
          audioFrames += s.frames;
        }
      }
    }
    expect(session.stats.dropped).toBe(0);
    expect(session.stats.corrupt).toBe(0);
    // 2 s at 100 Hz and 16 kHz, minus the last partial frame.
    for (const id of [1, 2, 3]) expect(got.get(id)).toBeGreaterThanOrEqual(195);
    expect(audioFrames).toBeGreaterThanOrEqual(31_500);
  });

  it('acks commands, refusing an unsupported rate and an unknown sensor', () => {
    const fw = new VirtualFirmware({ seed: 1, gesture: 'idle', audioMode: 'silence' });
    const session = new SerialSession();
    fw.receive(session.command({ type: 'hello' }).bytes);
    session.feed(fw.produce(0), 0);
    fw.receive(session.command({ type: 'set-rate', sensorId: 1, hz: 333 }).bytes);
    fw.receive(session.command({ type: 'start', sensorId: 99 }).bytes);
    const acks = session.feed(fw.produce(0), 1).filter((e) => e.type === 'ack');
    expect(acks.map((a) => a.type === 'ack' && a.status)).toEqual(['unsupported-rate', 'unknown-sensor']);
  });
});

/**
 * A virtual board after hello, with a session reading it: `run` feeds the session `ms` of the board's output in
 * 20 ms steps, `reply` what the board answers at once.
 */
function connected(seed = 3) {
  const fw = new VirtualFirmware({ seed, gesture: 'wave', audioMode: 'silence' });
  const session = new SerialSession();
  let t = 0;
  const send = (c: HostCommand) => fw.receive(session.command(c).bytes);
  const run = (ms: number): SessionEvent[] => {
    const events: SessionEvent[] = [];
    for (let end = t + ms; t < end; t += 20) events.push(...session.feed(fw.produce(20), t));
    return events;
  };
  const reply = () => session.feed(fw.produce(0), t);
  send({ type: 'hello' });
  reply();
  return { session, send, run, reply };
}

const samplesOf = (events: SessionEvent[], sensorId: number) =>
  events.filter((e): e is SamplesEvent => e.type === 'samples' && e.sensorId === sensorId);

function readingsOf(events: SessionEvent[], sensorId: number): number[] {
  return samplesOf(events, sensorId).flatMap((e) => Array.from(e.values));
}

describe('VirtualFirmware host commands', () => {
  it('offers 100, 50 and 25 Hz for each IMU sensor and streams at 100 Hz until told otherwise', () => {
    const { session } = connected();
    const imu = session.deviceInfo!.sensors.filter((s) => s.kind === 'imu');
    expect(imu.map((s) => [s.name, s.rates, s.rateHz])).toEqual([
      ['accelerometer', [100, 50, 25], 100],
      ['gyroscope', [100, 50, 25], 100],
      ['magnetometer', [100, 50, 25], 100],
    ]);
  });

  it('streams at a lower rate the average of the readings in each period, as the sketch does', () => {
    const fast = connected(5);
    const slow = connected(5);
    fast.send({ type: 'start', sensorId: 1 });
    slow.send({ type: 'set-rate', sensorId: 1, hz: 25 });
    slow.send({ type: 'start', sensorId: 1 });
    const at100 = readingsOf(fast.run(2000), 1);
    const slowEvents = slow.run(2000);
    const at25 = readingsOf(slowEvents, 1);
    expect(slowEvents.filter((e) => e.type === 'ack').map((e) => e.type === 'ack' && e.status)).toEqual([
      'ok',
      'ok',
    ]);
    expect(samplesOf(slowEvents, 1).every((e) => e.hz === 25)).toBe(true);
    expect(at100.length / 3).toBeGreaterThanOrEqual(195);
    expect(at25.length / 3).toBe(Math.floor(at100.length / 3 / 4));
    for (let k = 0; k < at25.length / 3; k++)
      for (let a = 0; a < 3; a++) {
        let mean = 0;
        for (let j = 0; j < 4; j++) mean += at100[(4 * k + j) * 3 + a] / 4;
        // Both went through int16: one quantisation step of the accelerometer apart at most.
        expect(Math.abs(at25[k * 3 + a] - mean)).toBeLessThanOrEqual(ACC_SCALE);
      }
    expect(slow.session.stats.dropped).toBe(0);
  });

  it('restarts a stream at a new rate, never joining readings taken at two rates', () => {
    const { send, run, reply, session } = connected();
    send({ type: 'start', sensorId: 2 });
    run(500);
    send({ type: 'set-rate', sensorId: 2, hz: 50 });
    const after = samplesOf(run(1000), 2);
    expect(after[0].continuous).toBe(false);
    expect(after.slice(1).every((e) => e.continuous && e.hz === 50)).toBe(true);
    expect(after.reduce((n, e) => n + e.frames, 0)).toBeGreaterThanOrEqual(48);
    expect(session.stats.dropped).toBe(0);
    send({ type: 'hello' });
    const handshake = reply().find((e) => e.type === 'handshake');
    expect(handshake?.type === 'handshake' && handshake.device.sensors[1].rateHz).toBe(50);
  });

  it('stops one stream and keeps the others; started again, it begins a new stream', () => {
    const { send, run, reply, session } = connected();
    for (const id of [1, 2, 4]) send({ type: 'start', sensorId: id });
    run(500);
    send({ type: 'stop', sensorId: 1 });
    run(40);
    const stopped = run(1000);
    expect(samplesOf(stopped, 1)).toEqual([]);
    expect(samplesOf(stopped, 2).length).toBeGreaterThan(0);
    expect(samplesOf(stopped, 4).length).toBeGreaterThan(0);
    expect(session.deviceInfo!.sensors.map((s) => s.streaming)).toEqual([false, true, false, true]);
    send({ type: 'hello' });
    const handshake = reply().find((e) => e.type === 'handshake');
    expect(handshake?.type === 'handshake' && handshake.device.sensors.map((s) => s.streaming)).toEqual([
      false,
      true,
      false,
      true,
    ]);

    send({ type: 'start', sensorId: 1 });
    const restarted = samplesOf(run(500), 1);
    expect(restarted[0].continuous).toBe(false);
    expect(restarted.length).toBeGreaterThan(5);
    send({ type: 'stop', sensorId: 'all' });
    run(40);
    expect(run(500).filter((e) => e.type === 'samples')).toEqual([]);
    expect(session.stats.dropped).toBe(0);
  });
});
