import type { DbConnection } from './connection';

/** The stored value, or undefined when unset. `T` is the caller's expectation; nothing checks it. */
export function getSetting<T>(conn: DbConnection, key: string): Promise<T | undefined> {
  return conn.run(['settings'], 'readonly', 'read the settings', async (tx) => {
    return (await tx.objectStore('settings').get(key)) as T | undefined;
  });
}

export function setSetting(conn: DbConnection, key: string, value: unknown): Promise<void> {
  return conn.run(['settings'], 'readwrite', 'save the settings', async (tx) => {
    await tx.objectStore('settings').put(value, key);
  });
}
