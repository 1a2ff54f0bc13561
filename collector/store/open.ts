import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import type { Store } from './store';

/**
 * `sqlite:<file>` (relative to the working directory) or a `postgres://` URL, as `readConfig` checked it;
 * `sqliteMaxMegabytes` caps the size of a SQLite file.
 */
export const openStore = (
  database: string,
  onError: (error: Error) => void,
  sqliteMaxMegabytes: number | null = null,
): Promise<Store> =>
  database.startsWith('sqlite:')
    ? Promise.resolve(openSqlite(database.slice('sqlite:'.length), sqliteMaxMegabytes))
    : openPostgres(database, onError);
