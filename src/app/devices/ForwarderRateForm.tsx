import { useState } from 'react';
import { FORWARDER_RATE_RULE, forwarderRateProblem } from '../../core/validation/forwarderRateRule';
import { useDevices } from '../../state/devicesStore';
import { NumberField } from '../components/NumberField';
import type { SensorSnapshot } from '../../state/devices/types';

/**
 * The forwarder's rate is detected from the line timing; as with Edge Impulse's data forwarder, the user can
 * state it instead (remembered for this board). Recordings use whichever the card shows.
 */
export function ForwarderRateForm({ sourceId, sensor }: { sourceId: string; sensor: SensorSnapshot }) {
  const detected = sensor.detectedHz || NaN;
  const [auto, setAuto] = useState(sensor.rateSource !== 'user');
  const [hz, setHz] = useState(sensor.rateSource === 'user' ? sensor.declaredHz : NaN);
  const problem = auto ? null : forwarderRateProblem(hz);
  return (
    <form
      className="tool-panel row gap wrap"
      data-testid="forwarder-rate"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) void useDevices.getState().setForwarderRate(sourceId, auto ? null : hz);
      }}
    >
      <label className="row gap-s">
        <input
          type="checkbox"
          checked={auto}
          onChange={(e) => {
            setAuto(e.target.checked);
            // Start from what was detected: usually the user only corrects it.
            if (!e.target.checked && Number.isNaN(hz)) setHz(detected);
          }}
        />
        Auto-detect the rate
      </label>
      <NumberField
        label="Sampling rate"
        unit="Hz"
        ariaLabel="Sampling rate (Hz)"
        rule={FORWARDER_RATE_RULE}
        value={auto ? detected : hz}
        disabled={auto}
        placeholder={auto ? 'detecting…' : undefined}
        error={problem}
        onChange={setHz}
      />
      <button className="btn small primary" type="submit" disabled={!!problem}>
        Save rate
      </button>
    </form>
  );
}
