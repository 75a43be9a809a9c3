import { useEffect } from 'react';
import { useImpulses } from '../../state/impulseStore';
import { useProjects } from '../../state/projectsStore';
import { useDataset } from '../../state/datasetStore';
import { ImpulseList } from '../impulse/ImpulseList';
import { ImpulseEditor } from '../impulse/ImpulseEditor';
import { GeneratePanel } from '../impulse/GeneratePanel';
import { WindowViewPanel } from '../impulse/WindowViewPanel';
import { ExplorerPanel } from '../impulse/ExplorerPanel';

export function ImpulsePage() {
  const projectId = useProjects((s) => s.currentId);
  const loadedFor = useImpulses((s) => s.projectId);
  const impulse = useImpulses((s) => s.impulses.find((i) => i.id === s.selectedId));
  const sampleCount = useDataset((s) => s.samples.length);
  useEffect(() => {
    if (projectId !== loadedFor) void useImpulses.getState().load(projectId);
  }, [projectId, loadedFor]);

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
