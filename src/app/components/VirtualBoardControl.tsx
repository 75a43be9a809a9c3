import { AUDIO_MODES, type AudioMode } from '../../core/virtual/audio';
import { GESTURES, type Gesture } from '../../core/virtual/gestures';
import type { SensorSnapshot, SourceSnapshot } from '../../state/devices/types';
import { useDevices } from '../../state/devicesStore';

/**
 * What the virtual board performs — the gesture for its motion sensors, the sound for its microphone — where
 * its stream is used (Record, Live), so trying another gesture needs no trip to the Devices page. The same
 * devices-store setting as on the Devices page; nothing for other sources.
 */
export function VirtualBoardControl({
  source,
  sensor,
  disabled = false,
}: {
  source: SourceSnapshot | undefined;
  sensor: SensorSnapshot | undefined;
  disabled?: boolean;
}) {
  const virtual = useDevices((s) => s.virtual);
  if (source?.kind !== 'virtual' || !sensor) return null;
  const { setVirtual } = useDevices.getState();
  if (sensor.kind === 'audio')
    return (
      <label title="What the virtual board’s microphone hears">
        Sound heard
        <select
          value={virtual.audioMode}
          disabled={disabled}
          onChange={(e) => setVirtual({ audioMode: e.target.value as AudioMode })}
        >
          {AUDIO_MODES.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </label>
    );
  return (
    <label title="The gesture the virtual board performs now">
      Gesture performed
      <select
        value={virtual.gesture}
        disabled={disabled}
        onChange={(e) => setVirtual({ gesture: e.target.value as Gesture })}
      >
        {GESTURES.map((g) => (
          <option key={g}>{g}</option>
        ))}
      </select>
    </label>
  );
}
