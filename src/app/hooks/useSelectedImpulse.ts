import { useEffect } from 'react';
import { useImpulses } from '../../state/impulseStore';
import { useProjects } from '../../state/projectsStore';
import { useTraining } from '../../state/trainingStore';

/**
 * The selected impulse of the current project and its stored model, loading both when the project or the
 * selection changes (the Training, Testing and Live pages share this).
 */
export function useSelectedImpulse() {
  const projectId = useProjects((s) => s.currentId);
  const loadedFor = useImpulses((s) => s.projectId);
  const impulse = useImpulses((s) => s.impulses.find((i) => i.id === s.selectedId));
  const model = useTraining((s) => (impulse && s.model?.impulseId === impulse.id ? s.model : null));
  useEffect(() => {
    if (projectId !== loadedFor) void useImpulses.getState().load(projectId);
  }, [projectId, loadedFor]);
  useEffect(() => {
    void useTraining.getState().load(impulse?.id ?? null);
  }, [impulse?.id]);
  return { impulse, model };
}
