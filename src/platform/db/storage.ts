/** The browser's storage manager, when this environment has one (not in Node, not in some insecure contexts). */
function storageManager(): StorageManager | undefined {
  const nav = (globalThis as { navigator?: Navigator }).navigator;
  return nav?.storage as StorageManager | undefined;
}

/** Bytes used and available for this origin, or null when the browser cannot say. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const storage = storageManager();
  if (typeof storage?.estimate !== 'function') return null;
  const { usage, quota } = await storage.estimate();
  if (usage === undefined || quota === undefined) return null;
  return { usage, quota };
}

/**
 * Asks the browser not to evict this site's data under storage pressure. Resolves to whether it agreed, or
 * null when the API is missing.
 */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = storageManager();
  if (typeof storage?.persist !== 'function') return null;
  return storage.persist();
}
