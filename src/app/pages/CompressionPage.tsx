import { featureConfigHash } from '../../core/impulse/impulse';
import { useCompression } from '../../state/compressionStore';
import { useSelectedImpulse } from '../hooks/useSelectedImpulse';
import { ComparisonView } from '../compression/ComparisonView';
import { DistillPanel } from '../compression/DistillPanel';
import { MagnitudePanel } from '../compression/MagnitudePanel';
import { StructuredPanel } from '../compression/StructuredPanel';
import { ImpulsePicker } from '../testing/ImpulsePicker';
import '../compression/compression.css';

/** Pruning and distillation of the selected impulse's model, and every variant side by side. */
export function CompressionPage() {
  const { impulse, model } = useSelectedImpulse();
  const running = useCompression((s) => s.running !== null);
  const usable =
    impulse &&
    model?.float &&
    model.learn.kind === 'classifier' &&
    model.configHash === featureConfigHash(impulse)
      ? model
      : null;
  return (
    <section className="compression-page">
      <div className="page-head">
        <h1>Compression</h1>
        <ImpulsePicker disabled={running} />
      </div>
      {!impulse && (
        <div className="callout">
          Design an impulse first on the <a href="#/impulse">Impulse design</a> page.
        </div>
      )}
      {impulse && !usable && (
        <div className="callout warn">
          Compression starts from a trained neural classifier whose impulse has not changed since: train this
          impulse on the <a href="#/training">Training</a> page first.
        </div>
      )}
      {impulse && usable && (
        <>
          <MagnitudePanel impulse={impulse} model={usable} />
          <StructuredPanel impulse={impulse} model={usable} />
          <DistillPanel impulse={impulse} model={usable} />
        </>
      )}
      <ComparisonView />
    </section>
  );
}
