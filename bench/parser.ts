/**
 * parser.x_realtime: how many times faster than real time the serial session decodes the heaviest studio stream
 * (16 kHz 16-bit audio + accelerometer, gyroscope and magnetometer at 100 Hz, framed exactly as the firmware
 * frames them: 256-sample audio frames, 4-reading IMU frames), fed in 64-byte USB-packet-sized chunks.
 * parser.forwarder_x_realtime: the same for data-forwarder lines (9 values per line), against a serial link
 * saturated at 115200 baud (11 520 B/s), the fastest a UART-bridged forwarder sketch can send.
 */
import { SerialSession } from '../src/core/protocol/serialSession';
import { sensorLine } from '../src/core/protocol/testUtils/forwarderLines';
import { ascii, realisticStudioStream } from '../src/core/protocol/testUtils/streams';
import { timeMs, type Benchmark } from './types';

const SECONDS = 20;
const CHUNK = 64;
const UART_115200_BYTES_PER_S = 115_200 / 10;

/** Bytes per second the session decodes `bytes` at, fed in CHUNK-byte pieces (best of 5 runs). */
function throughput(bytes: Uint8Array, expectReadings: number): number {
  let readings = 0;
  const ms = timeMs(() => {
    const session = new SerialSession();
    for (let at = 0; at < bytes.length; at += CHUNK) session.feed(bytes.subarray(at, at + CHUNK), at / 1000);
    readings = session.stats.readings;
  });
  if (readings !== expectReadings)
    throw new Error(`decoded ${readings} readings, expected ${expectReadings}`);
  return bytes.length / (ms / 1000);
}

export const parserBench: Benchmark = {
  name: 'parser',
  run: async () => {
    const studio = realisticStudioStream(SECONDS, 100);
    const realBytesPerS = studio.length / SECONDS;
    const studioReadings = SECONDS * 16000 + 3 * SECONDS * 100;
    const studioRate = throughput(studio, studioReadings);

    const lines = 100 * SECONDS;
    const forwarder = ascii('\n' + Array.from({ length: lines }, (_, i) => sensorLine(i, 9)).join(''));
    const forwarderRate = throughput(forwarder, lines);

    return {
      'parser.x_realtime': {
        value: studioRate / realBytesPerS,
        unit: '× real time',
        goal: `≥ 50 (${(studioRate / 1e6).toFixed(1)} MB/s vs ${(realBytesPerS / 1000).toFixed(1)} kB/s real stream)`,
      },
      'parser.forwarder_x_realtime': {
        value: forwarderRate / UART_115200_BYTES_PER_S,
        unit: '× 115200 baud',
        goal: `≥ 50 (${(forwarderRate / 1e6).toFixed(1)} MB/s)`,
      },
    };
  },
};
