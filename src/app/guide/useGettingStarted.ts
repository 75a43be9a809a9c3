import { useEffect, useMemo } from 'react';
import { enabledSamplesPerLabel, gettingStarted } from '../../core/guide/gettingStarted';
import { useDataset } from '../../state/datasetStore';
import { useDeployment } from '../../state/deploymentStore';
import { useDevices } from '../../state/devicesStore';
import { impulseFacts, useGuide } from '../../state/guideStore';
import { useImpulses } from '../../state/impulseStore';
import { useProjects } from '../../state/projectsStore';
import { useSelectedImpulse } from '../hooks/useSelectedImpulse';

/**
 * The guide's progress for the current project, from the stores' real state. Loads what the guide needs that
 * no page may have loaded yet: the impulses and the selected one's model, the dismissal, the profile and
 * download records.
 */
export function useGettingStarted() {
  const projectId = useProjects((s) => s.currentId);
  const { impulse, model } = useSelectedImpulse();
  const connectedSource = useDevices((s) => s.sources.find((x) => x.status === 'connected')?.name ?? null);
  const samples = useDataset((s) => (s.projectId === projectId ? s.samples : null));
  const impulseCount = useImpulses((s) => (s.projectId === projectId ? s.impulses.length : 0));
  const run = useImpulses((s) => s.run);
  const dismissed = useGuide((s) => s.dismissed);
  const profiledModel = useGuide((s) => (s.projectId === projectId ? s.profiledModel : null));
  const libraryDownloaded = useDeployment((s) => projectId !== null && projectId in s.libraryDownloads);

  useEffect(() => {
    void useGuide.getState().load(projectId);
    if (projectId) void useDeployment.getState().loadLibraryDownload(projectId);
  }, [projectId]);

  const progress = useMemo(
    () =>
      gettingStarted({
        hasProject: projectId !== null,
        connectedSource,
        samplesPerLabel: enabledSamplesPerLabel(samples ?? []),
        impulseCount,
        ...impulseFacts({ impulse, model, run, profiledModel }),
        libraryDownloaded,
      }),
    [
      projectId,
      connectedSource,
      samples,
      impulseCount,
      impulse,
      model,
      run,
      profiledModel,
      libraryDownloaded,
    ],
  );
  return { progress, dismissed };
}
