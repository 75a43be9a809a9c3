import { useSelectedImpulse } from '../hooks/useSelectedImpulse';
import { useMemo } from 'react';
import { featureConfigHash } from '../../core/impulse/impulse';
import { useDevices } from '../../state/devicesStore';
import { useLiveClassify } from '../../state/liveClassifyStore';
import { LiveControls } from '../liveClassify/LiveControls';
import { LiveResultPanel } from '../liveClassify/LiveResultPanel';
import { sensorProblem } from '../liveClassify/sensorProblem';
import { ImpulsePicker } from '../testing/ImpulsePicker';
import { ModelCallouts } from '../components/ModelCallouts';
import '../liveClassify/liveClassify.css';

export function LivePage() {
  const { impulse, model } = useSelectedImpulse();
  const allSources = useDevices((s) => s.sources);
  const settings = useLiveClassify((s) => s.settings);
  const session = useLiveClassify((s) => s.session);

  const sources = useMemo(() => allSources.filter((s) => s.status === 'connected'), [allSources]);
  const source = sources.find((s) => s.id === settings.sourceId) ?? sources[0];
  // Until the user picks one, the first sensor that can feed the impulse (the joined 6-axis stream for an
  // accelerometer + gyroscope impulse).
  const sensor =
    source?.sensors.find((s) => s.key === settings.sensorKey) ??
    source?.sensors.find((s) => !!impulse && sensorProblem(impulse, s) === null) ??
    source?.sensors[0];
  const stale = !!impulse && !!model && model.configHash !== featureConfigHash(impulse);
  const problem = impulse && sensor ? sensorProblem(impulse, sensor) : null;
  const running = !!session && session.status !== 'stopped';
  // A session runs on across pages, where another impulse may have been selected meanwhile: still show it.
  const otherImpulse = running && session.impulseId !== impulse?.id;

  return (
    <section className="live-page">
      <div className="page-head">
        <h1>Live classification</h1>
        <span className="muted">classify a board’s or the microphone’s stream as it happens</span>
        <ImpulsePicker disabled={running} />
      </div>
      <ModelCallouts impulse={impulse} model={model} stale={stale} testIdPrefix="live" />
      {sources.length === 0 && (
        <div className="callout" data-testid="live-no-source">
          No source is connected. Connect a board or the microphone on the <a href="#/devices">Devices</a>{' '}
          page — or start the virtual board there, which needs no hardware.
        </div>
      )}
      {impulse && model && !stale && source && (
        <LiveControls
          impulse={impulse}
          model={model}
          sources={sources}
          source={source}
          sensor={sensor}
          problem={problem}
        />
      )}
      {session?.message && (
        <p className="callout error" role="alert" data-testid="live-message">
          {session.message}
        </p>
      )}
      {otherImpulse && (
        <p className="callout" data-testid="live-other-impulse">
          Live classification with “{session.impulseName}” is running. Stop it to classify with{' '}
          {impulse ? `“${impulse.name}”` : 'another impulse'}.{' '}
          <button type="button" className="btn small" onClick={() => useLiveClassify.getState().stop()}>
            Stop
          </button>
        </p>
      )}
      {session &&
        (session.impulseId === impulse?.id || otherImpulse) &&
        (session.status !== 'stopped' || session.classified > 0) && (
          <>
            <p className="muted small">
              {session.status === 'starting'
                ? 'Starting'
                : session.status === 'running'
                  ? 'Classifying'
                  : 'Stopped'}
              : {session.sourceName} · {session.sensorName} · {session.precision}
            </p>
            <LiveResultPanel session={session} />
          </>
        )}
    </section>
  );
}
