import { afterEach, describe, expect, it } from 'vitest';
import { VirtualFirmware } from '../../core/virtual/virtualFirmware';
import { VirtualPort } from '../../platform/virtualBoard/virtualPort';
import { SerialRuntime } from './serialRuntime';
import { until } from './testUtils/until';

const open: SerialRuntime[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.disconnect();
});

async function board() {
  const port = new VirtualPort(new VirtualFirmware({ seed: 3, gesture: 'circle', audioMode: 'silence' }));
  const runtime = await SerialRuntime.connect(port, {
    id: 'v',
    kind: 'virtual',
    name: 'Virtual',
    simulated: true,
  });
  open.push(runtime);
  const sensor = (key: string) => runtime.snapshot().sensors.find((s) => s.key === key);
  await until(() => sensor('s2')?.streaming === true && sensor('s3')?.streaming === true);
  return { runtime, sensor };
}

describe('joined IMU streams of a studio-protocol board', () => {
  it('offers accelerometer + gyroscope as one 6-axis stream whose readings are the two sensors’ own', async () => {
    const { runtime, sensor } = await board();
    const joined = sensor('imu:1+2')!;
    expect(joined).toMatchObject({
      name: 'Accelerometer + gyroscope',
      kind: 'imu',
      declaredHz: 100,
      parts: ['s1', 's2'],
    });
    expect(joined.axes.map((a) => `${a.name} ${a.units}`)).toEqual([
      'accX m/s2',
      'accY m/s2',
      'accZ m/s2',
      'gyrX dps',
      'gyrY dps',
      'gyrZ dps',
    ]);
    expect(sensor('imu:1+2+3')?.axes).toHaveLength(9);

    const acc: number[] = [];
    const gyr: number[] = [];
    const both: number[] = [];
    const off = [
      runtime.subscribe('s1', (v) => acc.push(...v)),
      runtime.subscribe('s2', (v) => gyr.push(...v)),
      runtime.subscribe('imu:1+2', (v, frames) => {
        expect(v.length).toBe(frames * 6);
        both.push(...v);
      }),
    ];
    await until(() => both.length >= 6 * 60);
    off.forEach((f) => f());
    // The joined readings are a run of consecutive readings of each sensor, side by side.
    const firstAcc = both.slice(0, 3);
    const at = acc.findIndex((_, i) => i % 3 === 0 && acc.slice(i, i + 3).join() === firstAcc.join());
    expect(at).toBeGreaterThanOrEqual(0);
    const g = gyr.findIndex((_, i) => i % 3 === 0 && gyr.slice(i, i + 3).join() === both.slice(3, 6).join());
    expect(g).toBeGreaterThanOrEqual(0);
    for (let r = 0; r < 40; r++) {
      expect(both.slice(r * 6, r * 6 + 3)).toEqual(acc.slice(at + r * 3, at + r * 3 + 3));
      expect(both.slice(r * 6 + 3, r * 6 + 6)).toEqual(gyr.slice(g + r * 3, g + r * 3 + 3));
    }
  });

  it('drops the joined stream while its parts stream at different rates, and brings it back', async () => {
    const { runtime, sensor } = await board();
    await runtime.setSensorRate('s2', 50);
    await until(() => sensor('s2')?.declaredHz === 50);
    expect(sensor('imu:1+2')).toBeUndefined();
    await runtime.setSensorRate('s2', 100);
    await until(() => sensor('imu:1+2')?.declaredHz === 100);
  });
});
