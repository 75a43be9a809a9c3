import { useEffect } from 'react';
import { useDevices } from '../../state/devicesStore';
import { SourceCard } from '../devices/SourceCard';
import { FirmwareCard } from '../devices/FirmwareCard';

const BACKEND_TEXT = {
  'web-serial': 'This browser supports Web Serial: boards appear as serial ports.',
  webusb: 'No Web Serial here: boards are reached over WebUSB (CDC-ACM) instead.',
  none: 'This browser can reach neither serial ports nor USB devices. Use desktop Chrome or Edge, or Chrome on Android — or the virtual board below.',
} as const;

export function DevicesPage() {
  const backend = useDevices((s) => s.backend);
  const sources = useDevices((s) => s.sources);
  const granted = useDevices((s) => s.granted);
  const actions = useDevices.getState();
  useEffect(() => {
    void useDevices.getState().init();
  }, []);

  return (
    <section className="devices-page">
      <h1>Devices</h1>
      <div className="card">
        <h2>Connect a source</h2>
        <p className="muted">{BACKEND_TEXT[backend]}</p>
        <div className="row gap wrap">
          <button
            className="btn primary"
            onClick={() => void actions.connectSerial()}
            disabled={backend === 'none'}
          >
            Connect a board (USB)…
          </button>
          <button className="btn" onClick={() => void actions.connectMicrophone()}>
            Use this computer’s microphone
          </button>
          <button className="btn" onClick={() => void actions.connectVirtual()}>
            Start the virtual board
          </button>
        </div>
        {granted.length > 0 && (
          <div className="granted">
            <span className="muted small">Boards you allowed before:</span>
            {granted.map((g) => (
              <button
                key={g.index}
                className="btn small"
                onClick={() => void actions.connectGranted(g.index)}
              >
                Connect {g.name}
              </button>
            ))}
          </div>
        )}
        <p className="muted small">
          Any sketch that prints comma-, tab- or space-separated numbers once per reading works (the Edge
          Impulse data-forwarder format). The studio firmware below adds sensor names, units, audio and
          integrity checks.
        </p>
      </div>
      {sources.length === 0 ? (
        <div className="callout">No source connected yet.</div>
      ) : (
        sources.map((s) => <SourceCard key={s.id} source={s} />)
      )}
      <FirmwareCard />
    </section>
  );
}
