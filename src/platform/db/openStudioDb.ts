import type { StudioError } from '../../core/errors';
import { MIGRATIONS } from './migrations';
import { openConnection } from './openConnection';
import { DB_NAME } from './schema';
import { StudioDb } from './studioDb';

export type { StudioDb };

export interface OpenStudioDbOptions {
  /** Database name; tests pass their own so they do not share state. */
  name?: string;
  /** Clock for createdAt/updatedAt, in ms since the epoch. */
  now?: () => number;
  /**
   * Called when the connection is closed under us ('db-closed'): a newer version of the studio opened in
   * another tab, or the browser closed the database. Every later call rejects with the same error.
   */
  onClosed?: (error: StudioError) => void;
}

/** Opens (creating or upgrading as needed) the studio database. Rejects with 'db-blocked' or 'db-version'. */
export async function openStudioDb(options: OpenStudioDbOptions = {}): Promise<StudioDb> {
  const connection = await openConnection(options.name ?? DB_NAME, MIGRATIONS, {
    onClosed: options.onClosed,
  });
  return new StudioDb(connection, options.now);
}
