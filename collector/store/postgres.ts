import pg from 'pg';
import type { ReceiptRow } from '../stats/rollup';
import { inTransaction } from './postgres-client';
import { insertReceipts, lockRollup, postgresRollup, ROLLUP_SCHEMA, rollupRemoved } from './rollup-postgres';
import type { Cursor, NewReceipt, Store, StoredReceipt } from './store';

interface Row {
  id: string;
  received_at: Date;
  ip_hash: string;
  user_agent: string;
  receipt: Record<string, unknown>;
}

const toStored = (row: Row): StoredReceipt => ({
  receivedAt: row.received_at.toISOString(),
  ipHash: row.ip_hash,
  userAgent: row.user_agent,
  receipt: row.receipt,
});

const COLUMNS = 'id, received_at, ip_hash, user_agent, receipt';
const DELETED = 'id, consent_id AS "consentId", decided_at AS "decidedAt", digest, receipt::text AS receipt';

/**
 * PostgreSQL, for shops that run several collectors behind a load balancer: every instance is stateless
 * and shares this database, its salt and its deletion count. `receipt` is `json`, not `jsonb`, so that the
 * text the visitor's browser sent is kept as it was.
 */
export const openPostgres = async (connectionString: string, onError: (error: Error) => void): Promise<Store> => {
  // Whatever the server's defaults, the session asks for what the writes rely on: an acknowledged receipt on
  // disk, and a snapshot per statement, so that the read behind the rollup's lock sees what its previous
  // holder committed (under repeatable read it would not). A client sends the queries handed to it at once
  // without waiting for each answer.
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    options: '-c synchronous_commit=on -c default_transaction_isolation=read\\ committed',
    pipeline: true,
  });
  // An idle connection that breaks (a database restart) must not take the process down.
  pool.on('error', onError);

  await inTransaction(pool, async (client) => {
    // Instances that start together would otherwise race to create the same tables.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('shopconsent-collector-schema'))");
    await client.query(`
      CREATE TABLE IF NOT EXISTS receipts (
        id bigserial PRIMARY KEY,
        consent_id text NOT NULL,
        decided_at text NOT NULL,
        digest text NOT NULL,
        received_at timestamptz NOT NULL,
        receipt json NOT NULL,
        ip_hash text NOT NULL,
        user_agent text NOT NULL,
        UNIQUE (consent_id, decided_at, digest)
      );
      CREATE INDEX IF NOT EXISTS receipts_received_at ON receipts (received_at, id);
      CREATE TABLE IF NOT EXISTS settings (key text PRIMARY KEY, value text NOT NULL);
      CREATE TABLE IF NOT EXISTS deletions (at timestamptz NOT NULL, cutoff timestamptz NOT NULL, deleted bigint NOT NULL);
      CREATE TABLE IF NOT EXISTS erasures (at timestamptz NOT NULL, erased bigint NOT NULL);
      CREATE TABLE IF NOT EXISTS health_probe (at timestamptz NOT NULL, padding text NOT NULL);
      ${ROLLUP_SCHEMA}
    `);
  }).catch(async (error) => {
    await pool.end();
    throw error;
  });

  return {
    kind: 'postgres',
    // No statement's text depends on the batch size, so the server parses and plans it once per connection.
    insert: async (rows: NewReceipt[]) => {
      await insertReceipts(pool, rows);
    },
    byConsentId: async (consentId) => {
      const result = await pool.query<Row>(
        `SELECT ${COLUMNS} FROM receipts WHERE consent_id = $1 ORDER BY decided_at, received_at, id`,
        [consentId],
      );
      return result.rows.map(toStored);
    },
    page: async (from, to, after: Cursor | null, limit) => {
      const range = [new Date(from), new Date(to)];
      const result = after
        ? await pool.query<Row>(
            `SELECT ${COLUMNS} FROM receipts
             WHERE received_at >= $1 AND received_at < $2 AND (received_at, id) > ($3, $4)
             ORDER BY received_at, id LIMIT $5`,
            [...range, new Date(after.receivedAt), after.row, limit],
          )
        : await pool.query<Row>(
            `SELECT ${COLUMNS} FROM receipts WHERE received_at >= $1 AND received_at < $2
             ORDER BY received_at, id LIMIT $3`,
            [...range, limit],
          );
      const last = result.rows.at(-1);
      return {
        rows: result.rows.map(toStored),
        next: result.rows.length === limit && last ? { receivedAt: last.received_at.getTime(), row: last.id } : null,
      };
    },
    deleteReceivedBefore: (cutoff, limit) =>
      inTransaction(pool, async (client) => {
        await lockRollup(client);
        const deleted = await client.query<ReceiptRow & { id: string }>(
          `DELETE FROM receipts WHERE id = ANY(ARRAY(
             SELECT id FROM receipts WHERE received_at < $1 ORDER BY received_at LIMIT $2))
           RETURNING ${DELETED}`,
          [new Date(cutoff), limit],
        );
        await rollupRemoved(client, deleted.rows);
        return deleted.rows.length;
      }),
    recordDeletion: async (at, cutoff, deleted) => {
      await pool.query('INSERT INTO deletions (at, cutoff, deleted) VALUES ($1, $2, $3)', [
        new Date(at),
        new Date(cutoff),
        deleted,
      ]);
    },
    stats: async () => {
      const [receipts, deletions] = await Promise.all([
        pool.query<{ receipts: string }>('SELECT count(*) AS receipts FROM receipts'),
        pool.query<{ deleted: string; last: Date | null }>(
          'SELECT coalesce(sum(deleted), 0) AS deleted, max(at) AS last FROM deletions',
        ),
      ]);
      const { deleted, last } = deletions.rows[0];
      return {
        receipts: Number(receipts.rows[0].receipts),
        deleted: Number(deleted),
        lastDeletionAt: last ? last.toISOString() : null,
      };
    },
    erase: (consentId, at) =>
      inTransaction(pool, async (client) => {
        await lockRollup(client);
        const deleted = await client.query<ReceiptRow & { id: string }>(
          `DELETE FROM receipts WHERE consent_id = $1 RETURNING ${DELETED}`,
          [consentId],
        );
        await rollupRemoved(client, deleted.rows);
        await client.query('INSERT INTO erasures (at, erased) VALUES ($1, $2)', [new Date(at), deleted.rows.length]);
        return deleted.rows.length;
      }),
    erasures: async () => {
      const result = await pool.query<{ at: Date; erased: string }>('SELECT at, erased FROM erasures ORDER BY at');
      return result.rows.map(({ at, erased }) => ({ at: at.toISOString(), erased: Number(erased) }));
    },
    probe: async () => {
      await pool.query(
        `WITH written AS (INSERT INTO health_probe (at, padding) VALUES (now(), repeat('x', 8192)) RETURNING 1)
         DELETE FROM health_probe WHERE EXISTS (SELECT 1 FROM written)`,
      );
    },
    salt: async (fresh) => {
      await pool.query("INSERT INTO settings (key, value) VALUES ('ip_salt', $1) ON CONFLICT DO NOTHING", [fresh]);
      const result = await pool.query<{ value: string }>("SELECT value FROM settings WHERE key = 'ip_salt'");
      return result.rows[0].value;
    },
    rollup: postgresRollup(pool),
    close: () => pool.end(),
  };
};
