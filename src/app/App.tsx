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
import { NotBuiltPage } from './pages/NotBuiltPage';
import { STAGES } from './routes';

export function App() {
  const status = useProjects((s) => s.status);
  const error = useProjects((s) => s.error);
  const currentId = useProjects((s) => s.currentId);
  const hasProjects = useProjects((s) => s.projects.length > 0);
  const route = useRoute();

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
      <Sidebar route={route} />
      <div className="main">
        <TopBar />
        <main className="page" data-testid={`page-${route}`}>
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
          {status === 'ready' && !hasProjects && route !== 'projects' && <Welcome />}
          {status === 'ready' && (hasProjects || route === 'projects') && <Page route={route} />}
        </main>
      </div>
      <Toasts />
      <InterruptedDialog />
    </div>
  );
}

function Page({ route }: { route: ReturnType<typeof useRoute> }) {
  if (route === 'projects') return <ProjectsPage />;
  if (route === 'data') return <DataPage />;
  if (route === 'devices') return <DevicesPage />;
  if (route === 'impulse') return <ImpulsePage />;
  if (route === 'training') return <TrainingPage />;
  if (route === 'testing') return <TestingPage />;
  if (route === 'live') return <LivePage />;
  const stage = STAGES.find((s) => s.id === route)!;
  return <NotBuiltPage stage={stage} />;
}
