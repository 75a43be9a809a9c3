import { useEffect } from 'react';
import { useProjects } from '../state/projectsStore';
import { useDataset } from '../state/datasetStore';
import { useDevices } from '../state/devicesStore';
import { useRoute } from './useRoute';
import { Sidebar } from './components/Sidebar';
import { TopBar } from './components/TopBar';
import { Toasts } from './components/Toasts';
import { InterruptedDialog } from './data/InterruptedDialog';
import { Welcome } from './pages/Welcome';
import { ProjectsPage } from './pages/ProjectsPage';
import { DataPage } from './pages/DataPage';
import { DevicesPage } from './pages/DevicesPage';
import { ImpulsePage } from './pages/ImpulsePage';
import { TrainingPage } from './pages/TrainingPage';
import { TestingPage } from './pages/TestingPage';
import { LivePage } from './pages/LivePage';
import { ProfilingPage } from './pages/ProfilingPage';
import { DeploymentPage } from './pages/DeploymentPage';
import { NotBuiltPage } from './pages/NotBuiltPage';
import { STAGES, pageFor, type PageId } from './routes';
import { useNavDrawer } from './components/useNavDrawer';

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
      .then(() => useDevices.getState().init());
  }, []);

  useEffect(() => {
    void useDataset.getState().load(currentId);
  }, [currentId]);

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
          {status === 'ready' && <Page page={page} />}
        </main>
      </div>
      <Toasts />
      <InterruptedDialog />
    </div>
  );
}

function Page({ page }: { page: PageId }) {
  if (page === 'welcome') return <Welcome />;
  if (page === 'projects') return <ProjectsPage />;
  if (page === 'data') return <DataPage />;
  if (page === 'devices') return <DevicesPage />;
  if (page === 'impulse') return <ImpulsePage />;
  if (page === 'training') return <TrainingPage />;
  if (page === 'testing') return <TestingPage />;
  if (page === 'live') return <LivePage />;
  if (page === 'profiling') return <ProfilingPage />;
  if (page === 'deployment') return <DeploymentPage />;
  const stage = STAGES.find((s) => s.id === page)!;
  return <NotBuiltPage stage={stage} />;
}
