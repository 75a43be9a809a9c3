import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useProjects } from '../state/projectsStore';
import { useDataset } from '../state/datasetStore';
import { useDevices } from '../state/devicesStore';
import { reportInterruptedJobs } from '../state/jobJournal';
import { useRoute } from './useRoute';
import { Sidebar } from './components/Sidebar';
import { TopBar } from './components/TopBar';
import { Toasts } from './components/Toasts';
import { UpdatePrompt } from './components/UpdatePrompt';
import { FIRST_RENDER_MARK, STAGES, pageFor, type PageId } from './routes';
import { useNavDrawer } from './components/useNavDrawer';

/** A component's module, fetched the first time it is shown so the studio opens on a small entry chunk. */
function lazyComponent<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

// Dialogs that open only after a reload interrupted a recording, or when storage or another tab needs the user:
// they bring the recorder's file formats with them, so they load after the first render.
const InterruptedDialog = lazyComponent(() => import('./data/InterruptedDialog'), 'InterruptedDialog');
const StorageNotices = lazyComponent(() => import('./components/StorageNotices'), 'StorageNotices');

const PAGES: Record<PageId, ComponentType> = {
  welcome: lazyComponent(() => import('./pages/Welcome'), 'Welcome'),
  projects: lazyComponent(() => import('./pages/ProjectsPage'), 'ProjectsPage'),
  data: lazyComponent(() => import('./pages/DataPage'), 'DataPage'),
  devices: lazyComponent(() => import('./pages/DevicesPage'), 'DevicesPage'),
  impulse: lazyComponent(() => import('./pages/ImpulsePage'), 'ImpulsePage'),
  training: lazyComponent(() => import('./pages/TrainingPage'), 'TrainingPage'),
  compression: lazyComponent(() => import('./pages/CompressionPage'), 'CompressionPage'),
  testing: lazyComponent(() => import('./pages/TestingPage'), 'TestingPage'),
  live: lazyComponent(() => import('./pages/LivePage'), 'LivePage'),
  profiling: lazyComponent(() => import('./pages/ProfilingPage'), 'ProfilingPage'),
  tuner: lazyComponent(() => import('./pages/TunerPage'), 'TunerPage'),
  deployment: lazyComponent(() => import('./pages/DeploymentPage'), 'DeploymentPage'),
};

export function App() {
  const status = useProjects((s) => s.status);
  const error = useProjects((s) => s.error);
  const currentId = useProjects((s) => s.currentId);
  const hasProjects = useProjects((s) => s.projects.length > 0);
  const route = useRoute();
  // Until storage is open the project count is unknown: keep the address's page meanwhile.
  const page = status === 'ready' ? pageFor(route, hasProjects) : route;
  const drawer = useNavDrawer(route);

  useEffect(() => {
    void useProjects
      .getState()
      .init()
      .then(() => {
        reportInterruptedJobs();
        return useDevices.getState().init();
      });
  }, []);

  useEffect(() => {
    void useDataset.getState().load(currentId);
  }, [currentId]);

  const Page = PAGES[page];
  return (
    <div className="shell">
      <Sidebar active={page} drawer={drawer} />
      {drawer.open && <div className="nav-backdrop" aria-hidden="true" onClick={drawer.dismiss} />}
      <div className="main" inert={drawer.open}>
        <TopBar drawer={drawer} />
        <main className="page" ref={drawer.main} tabIndex={-1} data-testid={`page-${page}`}>
          {status === 'loading' && <p className="muted">Opening the studio’s storage…</p>}
          {status === 'error' && (
            <div className="callout error" role="alert">
              <h2>The studio could not open its storage</h2>
              <p>{error}</p>
              <p>
                IndexedDB may be disabled (private browsing in some browsers, or a site-data policy). Allow
                site data for this page and reload.
              </p>
            </div>
          )}
          {status === 'ready' && (
            // Keyed by page: a page change unmounts the old page at once instead of hiding it behind the fallback.
            <Suspense key={page} fallback={<PageLoading page={page} />}>
              <Page />
              <FirstRenderMark />
            </Suspense>
          )}
        </main>
      </div>
      <Toasts />
      <Suspense fallback={null}>
        <InterruptedDialog />
        <StorageNotices />
      </Suspense>
      <UpdatePrompt />
    </div>
  );
}

/** Shown while a page's chunk loads: the page's title in place, so the layout does not jump. */
function PageLoading({ page }: { page: PageId }) {
  const title =
    page === 'welcome'
      ? 'Welcome'
      : page === 'projects'
        ? 'Projects'
        : STAGES.find((s) => s.id === page)!.title;
  return (
    <section role="status" aria-live="polite">
      <h1>{title}</h1>
      <p className="muted">Loading the {title} page…</p>
    </section>
  );
}

/** Mounts with the first page that finished loading (Suspense shows its children together). */
function FirstRenderMark() {
  useEffect(() => {
    if (performance.getEntriesByName(FIRST_RENDER_MARK).length === 0) performance.mark(FIRST_RENDER_MARK);
  }, []);
  return null;
}
