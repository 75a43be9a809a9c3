import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDb } from './db';
import { currentProject, useProjects } from './projectsStore';

describe('projects store: target board', () => {
  it('stores the current project’s target board, so a new session reads it back', async () => {
    const created = await useProjects.getState().create('Boards');
    expect(created).not.toBeNull();
    expect(currentProject(useProjects.getState())?.targetBoard).toBeUndefined();
    await useProjects.getState().setTargetBoard('portenta-h7');
    expect(currentProject(useProjects.getState())?.targetBoard).toBe('portenta-h7');
    const stored = (await (await getDb()).listProjects()).find((p) => p.id === created!.id);
    expect(stored?.targetBoard).toBe('portenta-h7');
    // As after a reload: the store is filled from storage again.
    useProjects.setState({ projects: [], currentId: null, status: 'loading' });
    await useProjects.getState().init();
    expect(currentProject(useProjects.getState())?.targetBoard).toBe('portenta-h7');
  });
});
