// @vitest-environment node
import { afterAll, beforeAll, describe } from 'vitest';
import { describeCollector, describeCrashSafety } from './collector.testing';
import { type Postgres, startPostgres } from './postgres.testing';

let postgres: Promise<Postgres>;
// Without PostgreSQL every test below fails with the reason, rather than being skipped by a failed hook.
beforeAll(() => {
  postgres = startPostgres({ durable: false });
  return postgres.then(
    () => undefined,
    () => undefined,
  );
}, 60_000);
afterAll(async () => (await postgres.catch(() => null))?.stop(), 60_000);

const database = async () => (await postgres).database();

describe('collector on PostgreSQL', () => {
  describeCollector(database);
  describeCrashSafety(database);
});
