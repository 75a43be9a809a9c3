/**
 * The firmware sketch itself, on the host: firmware/host_test builds tinyml_studio.ino with g++ against stand-ins
 * for the Arduino core, the IMU libraries and PDM (a simulated Nano 33 BLE Sense with a virtual clock), for board
 * revision 1 (Arduino_LSM9DS1) and 2 (Arduino_BMI270_BMM150). A script of host commands encoded by the studio
 * drives it; everything it writes to Serial goes through StudioDecoder and is checked against what the simulated
 * sensors produced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AckStatus, HostCommand } from './studioFrames';
import {
  ACC,
  BOARDS,
  FIRMWARE_VERSION,
  GYR,
  HostScript,
  MAG,
  MIC,
  ackIndex,
  buildSketches,
  checkImuStream,
  dataFrames,
  expectFirstReadingAfter,
  expectedHandshake,
  mainScript,
  ofType,
  pcmSample,
  removeSketches,
  runSketch,
  streamsOf,
  type Run,
} from './testUtils/sketchHarness';

beforeAll(buildSketches, 120_000);
afterAll(removeSketches);

describe.each([1, 2] as const)('tinyml_studio.ino, board revision %i, on the simulated board', (rev) => {
  const board = BOARDS[rev];
  const script = mainScript(board);
  let run: Run;
  beforeAll(() => {
    run = runSketch(rev, script.text(3200));
  });

  const handshakes = () => ofType(run, 'handshake').map((f) => f.frame.info);

  it('writes only whole, valid frames, and only while the host holds the port', () => {
    expect(run.integrity).toEqual([]);
    expect(run.bytesWithoutHost).toBe(0);
    expect(run.pdmOverflows).toBe(0);
    expect(run.frames.length).toBeGreaterThan(200);
  });

  it('answers hello with a handshake of its revision, firmware version and four sensors', () => {
    expect(FIRMWARE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    const info = handshakes();
    expect(info).toHaveLength(3);
    expect(info[0]).toEqual(expectedHandshake(board));
    expect(ofType(run, 'handshake')[0].atUs).toBeLessThan(102_000);
  });

  it('acknowledges every command, refusing only the rate the gyroscope does not have', () => {
    const acks = ofType(run, 'ack').map((f) => f.frame);
    const expected = script.sent
      .filter(({ command }) => command.type !== 'hello')
      .map(({ seq, command }) => ({
        command: command.type,
        commandSeq: seq,
        status: (command.type === 'set-rate' && command.hz === 33 ? 'unsupported-rate' : 'ok') as AckStatus,
      }));
    expect(acks.map(({ command, commandSeq, status }) => ({ command, commandSeq, status }))).toEqual(
      expected,
    );
    expect(ofType(run, 'error')).toEqual([]);
  });

  it('streams the accelerometer at its advertised rate, then at the halved rate set by the host', () => {
    const [sensor] = handshakes()[0].sensors;
    const streams = streamsOf(ofType(run, 'imu').filter((f) => f.frame.sensorId === ACC));
    expect(streams).toHaveLength(2);
    const [full, half] = [sensor.rates[0], sensor.rates[1]];
    expect(handshakes()[1].sensors[0].rateHz).toBe(half);

    // 150…1151 ms at the full rate, 1151…2150 ms at half of it.
    const fullReadings = checkImuStream(board, ACC, streams[0], 1, sensor.scale);
    expect(Math.abs(fullReadings - full * 1.0)).toBeLessThanOrEqual(2);
    expectFirstReadingAfter(streams[0], 150, board.odr[0]);

    const halfReadings = checkImuStream(board, ACC, streams[1], full / half, sensor.scale);
    expect(Math.abs(halfReadings - half * 1.0)).toBeLessThanOrEqual(2);
    expectFirstReadingAfter(streams[1], 1151, board.odr[0]);
  });

  it('streams the gyroscope and the magnetometer at their rates, untouched by a refused set-rate', () => {
    const [, gyr, mag] = handshakes()[0].sensors;
    const gyrStreams = streamsOf(ofType(run, 'imu').filter((f) => f.frame.sensorId === GYR));
    // 150…2650 ms, then 2800 ms until the port closes at 2900 ms.
    expect(gyrStreams).toHaveLength(2);
    expect(
      Math.abs(checkImuStream(board, GYR, gyrStreams[0], 1, gyr.scale) - gyr.rateHz * 2.5),
    ).toBeLessThanOrEqual(2);
    const cut = checkImuStream(board, GYR, gyrStreams[1], 1, gyr.scale);
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThanOrEqual(gyr.rateHz * 0.1 + 2);

    const magStreams = streamsOf(ofType(run, 'imu').filter((f) => f.frame.sensorId === MAG));
    expect(magStreams).toHaveLength(1);
    expect(
      Math.abs(checkImuStream(board, MAG, magStreams[0], 1, mag.scale) - mag.rateHz * 2.5),
    ).toBeLessThanOrEqual(2);
  });

  it('sends every PDM sample, in order, in audio frames', () => {
    const audio = ofType(run, 'audio');
    expect(streamsOf(audio)).toHaveLength(1);
    let next = 0;
    let wrong = 0;
    for (const { frame } of audio) {
      expect(frame.sampleIndex).toBe(next);
      frame.pcm.forEach((v, i) => {
        if (v !== pcmSample(next + i)) wrong++;
      });
      next += frame.pcm.length;
    }
    expect(wrong).toBe(0);
    // 150…2150 ms at 16 kHz; the buffer being filled when the microphone stops is not sent.
    expect(Math.abs(next - 32000)).toBeLessThanOrEqual(2 * 256);
  });

  it('stop ends a stream: no frame of a stopped sensor follows the ack', () => {
    const seqOf = (type: HostCommand['type'], sensorId: number | 'all') =>
      script.sent.find(
        ({ command }) => command.type === type && 'sensorId' in command && command.sensorId === sensorId,
      )!.seq;
    const framesBefore = (sensorId: number, index: number) =>
      dataFrames(run, sensorId).filter((f) => run.frames.indexOf(f) < index).length;
    const stopAcc = ackIndex(run, seqOf('stop', ACC));
    const stopMic = ackIndex(run, seqOf('stop', MIC));
    const stopAll = ackIndex(run, seqOf('stop', 'all'));
    const restartGyr = ackIndex(run, seqOf('start', GYR));
    expect(framesBefore(ACC, stopAcc)).toBe(dataFrames(run, ACC).length);
    expect(framesBefore(MIC, stopMic)).toBe(dataFrames(run, MIC).length);
    expect(run.frames.slice(stopAll, restartGyr).filter((f) => 'sensorId' in f.frame)).toEqual([]);
    expect(handshakes()[1].sensors.map((s) => s.streaming)).toEqual([false, false, false, false]);
  });

  it('stops everything when the host closes the port, and stays quiet after it reopens', () => {
    const closedAt = 2_900_000;
    expect(run.frames.filter((f) => f.atUs >= closedAt && 'sensorId' in f.frame)).toEqual([]);
    const last = handshakes()[2];
    expect(last.sensors.map((s) => s.streaming)).toEqual([false, false, false, false]);
    expect(last.sensors[0].rateHz).toBe(board.imuRates[1]);
  });

  const ledChangesAt = (led: Run['led'], changes: [number, boolean][]) => {
    expect(led.map((c) => c.on)).toEqual(changes.map(([, on]) => on));
    led.forEach((c, i) => {
      expect(c.atUs).toBeGreaterThanOrEqual(changes[i][0] * 1000);
      expect(c.atUs).toBeLessThan(changes[i][0] * 1000 + 3000);
    });
  };

  it('lights the LED from the first start until stop-all, and again when a sensor starts', () => {
    ledChangesAt(run.led.slice(0, 3), [
      [150, true],
      [2650, false],
      [2800, true],
    ]);
  });

  it('puts the LED out as soon as the host closes the port while a sensor streams', () => {
    expect(run.led[3]).toMatchObject({ on: false });
    expect(run.led[3].atUs).toBeLessThan(2_903_000);
  });
});

describe.each([1, 2] as const)(
  'tinyml_studio.ino, board revision %i, on a board whose IMU does not answer',
  (rev) => {
    const script = new HostScript()
      .dtr(50, true)
      .send(100, [{ type: 'hello' }])
      .send(150, [
        { type: 'start', sensorId: ACC },
        { type: 'start', sensorId: MIC },
      ])
      .send(650, [{ type: 'stop', sensorId: 'all' }]);
    let run: Run;
    beforeAll(() => {
      run = runSketch(rev, script.text(700), ['--imu-missing']);
    });

    it('says the IMU was not found, refuses IMU streams and still streams the microphone', () => {
      expect(run.integrity).toEqual([]);
      const [handshake, error] = run.frames.map((f) => f.frame);
      expect(handshake.type).toBe('handshake');
      expect(error).toMatchObject({
        type: 'error',
        text: expect.stringMatching(/IMU not found.*STUDIO_BOARD_REV/),
      });
      expect(ofType(run, 'ack').map((f) => [f.frame.command, f.frame.status])).toEqual([
        ['start', 'sensor-failure'],
        ['start', 'ok'],
        ['stop', 'ok'],
      ]);
      expect(ofType(run, 'imu')).toEqual([]);
      const samples = ofType(run, 'audio').reduce((n, f) => n + f.frame.pcm.length, 0);
      expect(Math.abs(samples - 8000)).toBeLessThanOrEqual(2 * 256);
    });
  },
);
