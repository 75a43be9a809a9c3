import { useSelectedImpulse } from '../hooks/useSelectedImpulse';
import { useMemo } from 'react';
import { missingAxes } from '../../core/impulse/defaults';
import { featureConfigHash } from '../../core/impulse/impulse';
import { useDataset } from '../../state/datasetStore';
import { useTesting } from '../../state/testingStore';
import { ImpulsePicker } from '../testing/ImpulsePicker';
import { ModelCallouts } from '../components/ModelCallouts';
import { TestResults } from '../testing/TestResults';
import { TestRunPanel } from '../testing/TestRunPanel';
import '../testing/testing.css';

export function TestingPage() {
  const { impulse, model } = useSelectedImpulse();
  const samples = useDataset((s) => s.samples);
  const outcome = useTesting((s) => (impulse ? s.outcomes[impulse.id] : undefined));
  const running = useTesting((s) => s.active !== null);
  // The samples a test job gets (jobSamples), counted from the subscribed list so the count follows edits.
  const sampleCount = useMemo(
    () =>
      impulse
        ? samples.filter((s) => s.enabled && s.category === 'testing' && !missingAxes(s, impulse.input))
            .length
        : 0,
    [impulse, samples],
  );
  const stale = !!impulse && !!model && model.configHash !== featureConfigHash(impulse);

  return (
    <section className="testing-page">
      <div className="page-head">
        <h1>Testing</h1>
        <span className="muted">classify the held-out test set</span>
        <ImpulsePicker disabled={running} />
      </div>
      <ModelCallouts impulse={impulse} model={model} stale={stale} testIdPrefix="test" />
      {impulse && model && sampleCount === 0 && (
        <div className="callout" data-testid="test-no-samples">
          There are no enabled testing samples with this impulse’s axes. Record or import some, or move
          samples to the testing set, on the <a href="#/data">Data acquisition</a> page.
        </div>
      )}
      {impulse && model && (
        <TestRunPanel
          impulse={impulse}
          model={model}
          sampleCount={sampleCount}
          canRun={!stale && sampleCount > 0}
        />
      )}
      {outcome && model && (
        <TestResults outcome={outcome} fromOlderModel={outcome.report.modelCreatedAt !== model.createdAt} />
      )}
    </section>
  );
}
