import { useStoreWithEqualityFn } from 'zustand/traditional';
import type { SensorSnapshot, SourceSnapshot } from '../../state/devices/types';
import { useDevices } from '../../state/devicesStore';

const connected = (sources: SourceSnapshot[]) => sources.filter((s) => s.status === 'connected');

function sameSensor(a: SensorSnapshot, b: SensorSnapshot): boolean {
  return (
    a.key === b.key &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.declaredHz === b.declaredHz &&
    a.streaming === b.streaming &&
    a.axes.length === b.axes.length &&
    a.axes.every((axis, i) => axis.name === b.axes[i].name && axis.units === b.axes[i].units)
  );
}

function sameSource(a: SourceSnapshot, b: SourceSnapshot): boolean {
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.simulated === b.simulated &&
    a.sensors.length === b.sensors.length &&
    a.sensors.every((s, i) => sameSensor(s, b.sensors[i]))
  );
}

/**
 * The connected sources, for recording from. The devices store replaces every snapshot four times a second (for
 * the frame counters and measured rates shown on the Devices page); this keeps the previous array until something
 * a recording depends on changes, so the Record panel and its live chart do not re-render while data streams.
 */
export function useRecordableSources(): SourceSnapshot[] {
  return useStoreWithEqualityFn(
    useDevices,
    (s) => connected(s.sources),
    (a, b) => a.length === b.length && a.every((s, i) => sameSource(s, b[i])),
  );
}
