import { Suspense, useState } from 'react';
import { useProjects } from '../../state/projectsStore';
import { LazyPageGuide } from '../guide/lazyGuide';

/** The guided first screen for a new user: name a project, and see the path ahead. */
export function Welcome() {
  const [name, setName] = useState('My first project');
  return (
    <section className="welcome">
      <h1>Welcome to TinyML Studio</h1>
      <p className="lead">
        Build a machine-learning model for a microcontroller without installing anything. Your data stays in
        this browser: nothing is uploaded.
      </p>
      <form
        className="card create-first"
        onSubmit={(e) => {
          e.preventDefault();
          void useProjects
            .getState()
            .create(name)
            .then(() => (location.hash = '#/data'));
        }}
      >
        <h2>Start with a project</h2>
        <p className="muted">A project holds one dataset and the models you build from it.</p>
        <label>
          Project name
          <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </label>
        <button className="btn primary" type="submit">
          Create project
        </button>
      </form>
      <Suspense fallback={null}>
        <LazyPageGuide />
      </Suspense>
    </section>
  );
}
