import { describeError } from '../../core/errors';
import type { Impulse } from '../../core/impulse/impulse';
import { LiveWindower } from '../../core/learn/liveWindow';
import type { SensorSnapshot } from '../../state/devices/types';

/** Why the sensor cannot feed the impulse live (a missing axis, an unknown rate…), or null when it can. */
export function sensorProblem(impulse: Impulse, sensor: SensorSnapshot): string | null {
  try {
    new LiveWindower({
      input: impulse.input,
      sensorAxes: sensor.axes.map((a) => a.name),
      sensorName: sensor.name,
      sensorHz: sensor.declaredHz,
    });
    return null;
  } catch (e) {
    return describeError(e);
  }
}
