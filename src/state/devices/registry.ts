import type { SourceRuntime } from './types';

/** Live runtimes by source id. They hold streams and ports, so they live outside the (serialisable) store. */
const runtimes = new Map<string, SourceRuntime>();

export const runtimeRegistry = {
  get: (id: string) => runtimes.get(id),
  add: (r: SourceRuntime) => void runtimes.set(r.id, r),
  remove: (id: string) => void runtimes.delete(id),
  all: () => [...runtimes.values()],
};
