import { useEffect } from 'react';
import { featureConfigHash } from '../../core/impulse/impulse';
import { useFeatureCache } from '../../state/featureCacheStore';
import { useImpulses } from '../../state/impulseStore';
import { useProjects } from '../../state/projectsStore';
import { useDataset } from '../../state/datasetStore';
import { ImpulseList } from '../impulse/ImpulseList';
import { ImpulseEditor } from '../impulse/ImpulseEditor';
import { GeneratePanel } from '../impulse/GeneratePanel';
import { WindowViewPanel } from '../impulse/WindowViewPanel';
import { ExplorerPanel } from '../impulse/ExplorerPanel';
import { ImpulseIntro } from '../impulse/ImpulseIntro';

/** Edits settle before the cache is asked again: a parameter typed back to an earlier value finds its features. */
const CACHE_CHECK_DELAY_MS = 250;

export function ImpulsePage() {
  const projectId = useProjects((s) => s.currentId);
  const loadedFor = useImpulses((s) => s.projectId);
  const impulse = useImpulses((s) => s.impulses.find((i) => i.id === s.selectedId));
  const sampleCount = useDataset((s) => s.samples.length);
  const samples = useDataset((s) => (s.projectId === projectId && !s.loading ? s.samples : null));
  const noImpulse = useImpulses((s) => s.projectId === projectId && s.impulses.length === 0);
  const impulseId = impulse?.id;
  const configHash = impulse ? featureConfigHash(impulse) : null;
  useEffect(() => {
    if (projectId !== loadedFor) void useImpulses.getState().load(projectId);
  }, [projectId, loadedFor]);
  // After a reload the explorer shows what the cache already holds, without a Generate.
  useEffect(() => {
    if (!impulseId || !configHash || !samples) return;
    const timer = setTimeout(() => void useFeatureCache.getState().check(), CACHE_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [impulseId, configHash, samples]);

  return (
    <section className="impulse-page">
      <div className="page-head">
        <h1>Impulse design</h1>
        <span className="muted">window → processing block → learning block</span>
      </div>
      {sampleCount === 0 && (
        <div className="callout">
          Add data first on the <a href="#/data">Data acquisition</a> page: the impulse is designed around
          your samples’ axes and rate.
        </div>
      )}
      <ImpulseList />
      {noImpulse && <ImpulseIntro />}
      {impulse && (
        <>
          <ImpulseEditor key={impulse.id} impulse={impulse} />
          <GeneratePanel impulse={impulse} />
          <div className="impulse-results">
            <WindowViewPanel impulse={impulse} />
            <ExplorerPanel />
          </div>
        </>
      )}
    </section>
  );
}
