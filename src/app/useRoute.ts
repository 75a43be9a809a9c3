import { useSyncExternalStore } from 'react';
import { parseRoute, type RouteId } from './routes';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Hash routing (`#/data`): works from a file server with no rewrites and survives reloads. */
export function useRoute(): RouteId {
  return useSyncExternalStore(subscribe, () => parseRoute(location.hash));
}

export function routeHref(id: RouteId): string {
  return `#/${id}`;
}
