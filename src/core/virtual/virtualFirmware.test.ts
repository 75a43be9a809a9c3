import { describe, expect, it } from 'vitest';
import { SerialSession } from '../protocol';
import type { SamplesEvent, SessionEvent } from '../protocol';
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
