import { currentProject, useProjects } from '../../state/projectsStore';
import { formatBytes } from '../format';
import { routeHref } from '../useRoute';

export function TopBar() {
  const projects = useProjects((s) => s.projects);
  const current = useProjects(currentProject);
  const storage = useProjects((s) => s.storage);
  const persisted = useProjects((s) => s.persisted);

  return (
    <header className="topbar">
      <label className="project-switch">
        <span className="muted">Project</span>
        <select
          aria-label="Current project"
          value={current?.id ?? ''}
          onChange={(e) => void useProjects.getState().switchTo(e.target.value)}
          disabled={projects.length === 0}
        >
          {projects.length === 0 && <option value="">No project yet</option>}
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <a className="btn small" href={routeHref('projects')}>
        Manage projects
      </a>
      <div className="spacer" />
      {storage && (
        <div
          className="storage"
          data-testid="storage-usage"
          title="Space this site uses in the browser's storage"
        >
          <span>
            Storage {formatBytes(storage.usage)} of {formatBytes(storage.quota)}
          </span>
          <meter min={0} max={storage.quota} value={storage.usage} />
          <span className={persisted ? 'badge ok' : 'badge warn'}>
            {persisted ? 'persistent' : 'may be evicted'}
          </span>
        </div>
      )}
    </header>
  );
}
