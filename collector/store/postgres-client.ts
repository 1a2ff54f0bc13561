import type pg from 'pg';

export type Client = pg.PoolClient;

/** One column of `rows`, as an array parameter of an `unnest`. */
export const column = <T, K extends keyof T>(rows: T[], key: K) => rows.map((row) => row[key]);

/** A client of the pool for `work`, given back afterwards, or dropped if its connection broke meanwhile. */
export const withClient = async <T>(pool: pg.Pool, work: (client: Client) => Promise<T>) => {
  const client = await pool.connect();
  // A checked-out client that loses its server emits 'error' besides failing its query; unheard, that event
  // would end the process. The failed query already reports it; the broken client is dropped, not reused.
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on('error', onLost);
  try {
    return await work(client);
  } finally {
    client.off('error', onLost);
    client.release(lost);
  }
};

export const inTransaction = <T>(pool: pg.Pool, work: (client: Client) => Promise<T>) =>
  withClient(pool, async (client) => {
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
