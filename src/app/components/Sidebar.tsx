import { Suspense } from 'react';
import { LazySidebarGuide } from '../guide/lazyGuide';
import { STAGES, type PageId } from '../routes';
import { routeHref } from '../useRoute';
import type { NavDrawer } from './useNavDrawer';

export const NAV_ID = 'studio-nav';

/** The stages; a sidebar on wide screens, a drawer opened from the top bar on narrow ones. */
export function Sidebar({ active, drawer }: { active: PageId; drawer: NavDrawer }) {
  const current = (id: PageId) => (active === id ? 'page' : undefined);
  return (
    <nav
      id={NAV_ID}
      ref={drawer.drawer}
      className={`sidebar ${drawer.open ? 'open' : ''}`}
      aria-label="Stages"
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a')) drawer.navigated();
      }}
    >
      <div className="brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span>TinyML Studio</span>
        <button type="button" className="nav-close" aria-label="Close navigation" onClick={drawer.dismiss}>
          ×
        </button>
      </div>
      <a
        className={`nav-item ${active === 'projects' ? 'active' : ''}`}
        href={routeHref('projects')}
        aria-current={current('projects')}
      >
        Projects
      </a>
      <div className="nav-heading">Stages</div>
      <ol className="nav-stages">
        {STAGES.map((s, i) => (
          <li key={s.id}>
            <a
              className={`nav-item ${active === s.id ? 'active' : ''}`}
              href={routeHref(s.id)}
              title={s.purpose}
              aria-current={current(s.id)}
            >
              <span className="step">{i + 1}</span>
              <span className="nav-label">{s.title}</span>
            </a>
          </li>
        ))}
      </ol>
      <Suspense fallback={null}>
        <LazySidebarGuide />
      </Suspense>
      <div className="sidebar-foot">Runs entirely in this browser. Nothing is uploaded.</div>
    </nav>
  );
}
