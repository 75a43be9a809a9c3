import { currentProject, useProjects } from '../../state/projectsStore';
import { formatBytes } from '../format';
import { LiveIndicator } from '../liveClassify/LiveIndicator';
import { routeHref } from '../useRoute';
import { NAV_ID } from './Sidebar';
import type { NavDrawer } from './useNavDrawer';

export function TopBar({ drawer }: { drawer: NavDrawer }) {
  const projects = useProjects((s) => s.projects);
  const current = useProjects(currentProject);
  const storage = useProjects((s) => s.storage);
  const persisted = useProjects((s) => s.persisted);

  return (
    <header className="topbar">
      <button
        type="button"
        ref={drawer.menuButton}
        className="btn menu-button"
        aria-controls={NAV_ID}
        aria-expanded={drawer.open}
        onClick={drawer.toggle}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <label className="project-switch">
        <span className="muted project-switch-caption">Project</span>
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
      <LiveIndicator />
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
