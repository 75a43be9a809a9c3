import { AUDIO_MODES, type AudioMode } from '../../core/virtual/audio';
import { GESTURES, type Gesture } from '../../core/virtual/gestures';
import type { SensorSnapshot, SourceSnapshot } from '../../state/devices/types';
import { useDevices } from '../../state/devicesStore';

/** The gesture the virtual board performs, as the devices store holds it (Devices, Record and Live share it). */
export function GestureSelect({ disabled = false }: { disabled?: boolean }) {
  const gesture = useDevices((s) => s.virtual.gesture);
  return (
    <label title="The gesture the virtual board performs now">
      Gesture performed
      <select
        value={gesture}
        disabled={disabled}
        onChange={(e) => useDevices.getState().setVirtual({ gesture: e.target.value as Gesture })}
      >
        {GESTURES.map((g) => (
          <option key={g}>{g}</option>
        ))}
      </select>
    </label>
  );
}

/** The sound the virtual board's microphone hears. */
export function SoundSelect({ disabled = false }: { disabled?: boolean }) {
  const audioMode = useDevices((s) => s.virtual.audioMode);
  return (
    <label title="What the virtual board’s microphone hears">
      Sound heard
      <select
        value={audioMode}
        disabled={disabled}
        onChange={(e) => useDevices.getState().setVirtual({ audioMode: e.target.value as AudioMode })}
      >
        {AUDIO_MODES.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
    </label>
  );
}

/**
 * What the virtual board performs — the gesture for its motion sensors, the sound for its microphone — where
 * its stream is used (Record, Live), so trying another gesture needs no trip to the Devices page; nothing for
 * other sources.
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
  if (source?.kind !== 'virtual' || !sensor) return null;
  return sensor.kind === 'audio' ? (
    <SoundSelect disabled={disabled} />
  ) : (
    <GestureSelect disabled={disabled} />
  );
}
