import { lazy } from 'react';

/*
 * The guide reads most of the studio's stores (impulses, training, profiling, deployment): loaded on its own, so
 * the sidebar and the first page do not pull them into the main chunk.
 */
export const LazySidebarGuide = lazy(() =>
  import('./GettingStarted').then((m) => ({ default: m.SidebarGuide })),
);
export const LazyPageGuide = lazy(() => import('./GettingStarted').then((m) => ({ default: m.PageGuide })));
