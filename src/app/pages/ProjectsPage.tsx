import { Suspense, useRef, useState } from 'react';
import { useProjects } from '../../state/projectsStore';
import { exportCurrentProject, importArchivesAsProjects } from '../../state/projectArchiveActions';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { LazyPageGuide } from '../guide/lazyGuide';
import type { Project } from '../../core/dataset/project';

export function ProjectsPage() {
  const projects = useProjects((s) => s.projects);
  const currentId = useProjects((s) => s.currentId);
  const [newName, setNewName] = useState('');
  const [toDelete, setToDelete] = useState<Project | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <section>
      <h1>Projects</h1>
      <div className="row gap wrap">
        <form
          className="row gap"
          onSubmit={(e) => {
            e.preventDefault();
            void useProjects.getState().create(newName || 'Untitled project');
            setNewName('');
          }}
        >
          <input
            aria-label="New project name"
            placeholder="New project name"
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
          />
          <button className="btn primary" type="submit">
            Create project
          </button>
        </form>
        <button className="btn" onClick={() => fileInput.current?.click()}>
          Import project (.zip)…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".zip,application/zip"
          hidden
          data-testid="project-zip-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void importArchivesAsProjects(files);
          }}
        />
      </div>
      {projects.length === 0 && <p className="muted">No projects yet. Create one above.</p>}
      <Suspense fallback={null}>
        <LazyPageGuide />
      </Suspense>
      <ul className="project-list">
        {projects.map((p) => (
          <ProjectRow key={p.id} project={p} current={p.id === currentId} onDelete={() => setToDelete(p)} />
        ))}
      </ul>
      {toDelete && (
        <ConfirmDialog
          title={`Delete “${toDelete.name}”?`}
          confirmLabel="Delete project"
          danger
          onCancel={() => setToDelete(null)}
          onConfirm={() => {
            void useProjects.getState().remove(toDelete.id);
            setToDelete(null);
          }}
        >
          This deletes the project and all of its samples from this browser. It cannot be undone — export the
          project first if you may need it.
        </ConfirmDialog>
      )}
    </section>
  );
}

function ProjectRow({
  project,
  current,
  onDelete,
}: {
  project: Project;
  current: boolean;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(project.name);
  const actions = useProjects.getState();
  return (
    <li className={`card project ${current ? 'current' : ''}`} data-testid="project-row">
      {editing ? (
        <form
          className="row gap"
          onSubmit={(e) => {
            e.preventDefault();
            void actions.rename(project.id, name);
            setEditing(false);
          }}
        >
          <input aria-label="Project name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          <button className="btn primary small" type="submit">
            Save
          </button>
          <button className="btn small" type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="project-name">
          <strong>{project.name}</strong>
          {current && <span className="badge ok">current</span>}
          <span className="muted small">edited {new Date(project.updatedAt).toLocaleString()}</span>
        </div>
      )}
      <div className="row gap">
        {!current && (
          <button className="btn small" onClick={() => void actions.switchTo(project.id)}>
            Open
          </button>
        )}
        <button className="btn small" onClick={() => setEditing(true)}>
          Rename
        </button>
        <button className="btn small" onClick={() => void actions.duplicate(project.id)}>
          Duplicate
        </button>
        {current && (
          <button className="btn small" onClick={() => void exportCurrentProject()}>
            Export .zip
          </button>
        )}
        <button className="btn small danger" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}
