import type { StudioError } from '../../core/errors';
import { MIGRATIONS } from './migrations';
import { openConnection } from './openConnection';
import { DB_NAME } from './schema';
import { StudioDb, type StoredChange } from './studioDb';

export type { StudioDb, StoredChange };

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
  /** Called while another tab's older connection holds up the upgrade this open needs (see OpenHooks). */
  onBlocked?: () => void;
  /** Told after every committed write another tab should hear of (the page broadcasts it). */
  onChanged?: (change: StoredChange) => void;
}

/** Opens (creating or upgrading as needed) the studio database. Rejects with 'db-version'. */
export async function openStudioDb(options: OpenStudioDbOptions = {}): Promise<StudioDb> {
  const connection = await openConnection(options.name ?? DB_NAME, MIGRATIONS, {
    onClosed: options.onClosed,
    onBlocked: options.onBlocked,
  });
  return new StudioDb(connection, options.now, options.onChanged);
}
