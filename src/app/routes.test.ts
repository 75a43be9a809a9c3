import { describe, expect, it } from 'vitest';
import { pageFor, parseRoute } from './routes';

describe('pageFor', () => {
  it('shows the welcome page, not the stage in the address, while there is no project', () => {
    // An empty address means the Data stage, but a new user sees the welcome page.
    expect(pageFor(parseRoute(''), false)).toBe('welcome');
    expect(pageFor('training', false)).toBe('welcome');
  });

  it('shows Projects without a project, and every stage once one exists', () => {
    expect(pageFor('projects', false)).toBe('projects');
    expect(pageFor(parseRoute(''), true)).toBe('data');
    expect(pageFor('live', true)).toBe('live');
  });
});
