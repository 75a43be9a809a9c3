import { STAGES, type RouteId } from '../routes';
import { routeHref } from '../useRoute';

export function Sidebar({ route }: { route: RouteId }) {
  return (
    <nav className="sidebar" aria-label="Stages">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span>TinyML Studio</span>
      </div>
      <a className={`nav-item ${route === 'projects' ? 'active' : ''}`} href={routeHref('projects')}>
        Projects
      </a>
      <div className="nav-heading">Stages</div>
      <ol className="nav-stages">
        {STAGES.map((s, i) => (
          <li key={s.id}>
            <a
              className={`nav-item ${route === s.id ? 'active' : ''}`}
              href={routeHref(s.id)}
              title={s.purpose}
              aria-current={route === s.id ? 'page' : undefined}
            >
              <span className="step">{i + 1}</span>
              <span className="nav-label">{s.title}</span>
              {!s.built && <span className="soon">soon</span>}
            </a>
          </li>
        ))}
      </ol>
      <div className="sidebar-foot">Runs entirely in this browser. Nothing is uploaded.</div>
    </nav>
  );
}
