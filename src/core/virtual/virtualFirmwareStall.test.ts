import { describe, expect, it } from 'vitest';
import { SerialSession } from '../protocol';
import type { SamplesEvent, SessionEvent } from '../protocol';
import { VIRTUAL_BACKLOG_MS, VirtualFirmware } from './virtualFirmware';

const ACC = 1;
const MIC = 4;

/** A virtual board streaming its accelerometer and microphone to a session; `step(ms)` is one timer tick. */
function streaming() {
  const fw = new VirtualFirmware({ seed: 11, gesture: 'circle', audioMode: 'yes' });
  const session = new SerialSession();
  let t = 0;
  const step = (ms: number): SamplesEvent[] => {
    t += ms;
    return session
      .feed(fw.produce(ms), t)
      .filter((e: SessionEvent): e is SamplesEvent => e.type === 'samples');
  };
  fw.receive(session.command({ type: 'hello' }).bytes);
  step(0);
  for (const sensorId of [ACC, MIC]) fw.receive(session.command({ type: 'start', sensorId }).bytes);
  step(0);
  const stop = () => {
    fw.receive(session.command({ type: 'stop', sensorId: 'all' }).bytes);
    return step(0);
  };
  return { session, step, stop };
}

/** `ms` of 20 ms timer ticks. */
function ticks(step: (ms: number) => SamplesEvent[], ms: number): SamplesEvent[][] {
  const chunks: SamplesEvent[][] = [];
  for (let done = 0; done < ms; done += 20) chunks.push(step(20));
  return chunks;
}

const of = (events: SamplesEvent[], id: number) => events.filter((e) => e.sensorId === id);
const values = (events: SamplesEvent[], id: number) => of(events, id).flatMap((e) => Array.from(e.values));
const readings = (events: SamplesEvent[], id: number) => of(events, id).reduce((n, e) => n + e.frames, 0);

describe('the virtual board when the page stalls', () => {
  it('keeps sampling through a stall: the same readings and timestamps as without it, none lost', () => {
    const steady = streaming();
    const reference = [...ticks(steady.step, 4000).flat(), ...steady.stop()];

    const stalled = streaming();
    const chunks = [...ticks(stalled.step, 1000), stalled.step(1500), ...ticks(stalled.step, 1500)];
    const got = [...chunks.flat(), ...stalled.stop()];

    expect(stalled.session.stats.dropped).toBe(0);
    // Only each stream's first frame (its start) follows nothing.
    for (const id of [ACC, MIC]) expect(of(got, id).filter((e) => !e.continuous)).toHaveLength(1);
    expect(readings(got, ACC)).toBe(readings(reference, ACC));
    expect(values(got, ACC)).toEqual(values(reference, ACC));
    expect(values(got, MIC)).toEqual(values(reference, MIC));
    // Each accelerometer frame starts where the previous one ended (10 ms per reading at 100 Hz).
    const acc = of(got, ACC);
    for (let i = 1; i < acc.length; i++) {
      expect(acc[i].firstFrame - acc[i - 1].firstFrame).toBe(acc[i - 1].frames * 10_000);
    }
  });

  it('delivers what piled up over the following ticks, never in one burst', () => {
    const { step } = streaming();
    ticks(step, 1000);
    const stallChunk = step(1500);
    const after = ticks(step, 1500);
    // The link carries at most 4 × 50 ms of the backlog per tick (plus one partly filled 50 ms frame).
    const largest = Math.max(readings(stallChunk, ACC), ...after.map((c) => readings(c, ACC)));
    expect(largest).toBeLessThanOrEqual(25);
    expect(readings(stallChunk, ACC)).toBeGreaterThan(0);
    // The backlog has drained by the end: the last ticks carry real time again (2 readings per 20 ms).
    expect(after.slice(-10).reduce((n, c) => n + readings(c, ACC), 0)).toBeLessThanOrEqual(25);
  });

  it('a recording of 300 readings across a stall spans exactly 3 s of the board clock', () => {
    const { step } = streaming();
    const taken: SamplesEvent[] = [];
    taken.push(...of(ticks(step, 500).flat(), ACC));
    taken.push(...of(step(800), ACC));
    while (readings(taken, ACC) < 300) taken.push(...of(step(20), ACC));
    let kept = 0;
    let lastUs = 0;
    for (const e of taken) {
      const use = Math.min(e.frames, 300 - kept);
      if (use > 0) lastUs = e.firstFrame + (use - 1) * 10_000;
      kept += use;
    }
    expect(kept).toBe(300);
    expect(lastUs - taken[0].firstFrame).toBe(299 * 10_000);
  });

  it('past its transmit buffer it loses what it sampled meanwhile, and says so: counted lost frames, a hole in time', () => {
    const { session, step } = streaming();
    ticks(step, 1000);
    const began = performance.now();
    const during = [step(10 * 60_000)];
    expect(performance.now() - began).toBeLessThan(1000);
    during.push(...ticks(step, 4000));
    const events = during.flat();
    const acc = of(events, ACC);
    const hole = acc.findIndex((e) => !e.continuous);
    expect(hole).toBeGreaterThan(0);
    expect(session.stats.dropped).toBeGreaterThan(0);
    // Before the hole: the buffer's worth of readings, taken right after the last tick before the stall.
    const before = acc.slice(0, hole).reduce((n, e) => n + e.frames, 0);
    expect(Math.abs(before - VIRTUAL_BACKLOG_MS / 10)).toBeLessThanOrEqual(5);
    // After it, the board clock has moved on by the time lost (10 minutes, less the buffer).
    const gapUs = acc[hole].firstFrame - (acc[hole - 1].firstFrame + acc[hole - 1].frames * 10_000);
    expect(Math.abs(gapUs / 1000 - (10 * 60_000 - VIRTUAL_BACKLOG_MS))).toBeLessThanOrEqual(60);
    expect(of(events, MIC).some((e) => !e.continuous)).toBe(true);
  });
});
