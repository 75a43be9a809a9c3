import type { SensorDescriptor } from '../../core/protocol';
import { ImuCombiner } from '../../core/protocol/imuCombiner';
import { Listeners } from './listeners';
import { RateMeter } from './rateMeter';
import type { FrameListener, SensorSnapshot } from './types';

/** Joined IMU streams a board offers, by the handshake's sensor names, in the order their axes are joined. */
const GROUPS: ReadonlyArray<{ name: string; parts: readonly string[] }> = [
  { name: 'Accelerometer + gyroscope', parts: ['accelerometer', 'gyroscope'] },
  {
    name: 'Accelerometer + gyroscope + magnetometer',
    parts: ['accelerometer', 'gyroscope', 'magnetometer'],
  },
];

export interface CombinedSensor {
  snapshot: SensorSnapshot;
  meter: RateMeter;
  listeners: Listeners<Parameters<FrameListener>>;
  partIds: number[];
  combiner: ImuCombiner;
}

/**
 * The joined streams of a board's sensors: one per group whose parts all stream at one rate (a 6-axis
 * accelerometer + gyroscope impulse records and runs live from it). A group whose rate stays the same is kept
 * from `previous` as it is; otherwise its listeners, meter and counts carry over and its readings join afresh.
 */
export function combinedSensors(
  sensors: readonly SensorDescriptor[],
  previous: ReadonlyMap<string, CombinedSensor>,
): Map<string, CombinedSensor> {
  const out = new Map<string, CombinedSensor>();
  for (const group of GROUPS) {
    const parts = group.parts.map((name) => sensors.find((s) => s.kind === 'imu' && s.name === name));
    if (parts.some((p) => p === undefined || !p.streaming)) continue;
    const found = parts as SensorDescriptor[];
    const hz = found[0].rateHz;
    if (!found.every((p) => p.rateHz === hz)) continue;
    const key = `imu:${found.map((p) => p.id).join('+')}`;
    const prev = previous.get(key);
    if (prev !== undefined && prev.snapshot.declaredHz === hz) {
      out.set(key, prev);
      continue;
    }
    const entry: CombinedSensor = {
      snapshot: {
        key,
        name: group.name,
        kind: 'imu',
        axes: found.flatMap((p) => p.axes.map((name) => ({ name, units: p.units }))),
        declaredHz: hz,
        measuredHz: 0,
        framesReceived: prev?.snapshot.framesReceived ?? 0,
        parts: found.map((p) => `s${p.id}`),
      },
      meter: prev?.meter ?? new RateMeter(),
      listeners: prev?.listeners ?? new Listeners<Parameters<FrameListener>>(),
      partIds: found.map((p) => p.id),
      combiner: new ImuCombiner(
        found.map((p) => p.axes.length),
        (values, frames, continuous) => {
          entry.snapshot.framesReceived += frames;
          entry.meter.add(frames, performance.now());
          entry.listeners.emit(values, frames, continuous);
        },
      ),
    };
    out.set(key, entry);
  }
  return out;
}
