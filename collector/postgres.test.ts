// @vitest-environment node
import { afterAll, beforeAll, describe } from 'vitest';
import { describeCollector, describeCrashSafety } from './collector.testing';
import { type Postgres, startPostgres } from './postgres.testing';

let postgres: Postgres | undefined;
beforeAll(async () => {
  postgres = await startPostgres({ durable: false });
}, 60_000);
afterAll(() => postgres?.stop());

const database = () => {
  if (!postgres) throw new Error('PostgreSQL did not start; see the error of beforeAll.');
  return postgres.database();
};

describe('collector on PostgreSQL', () => {
  describeCollector(database);
  describeCrashSafety(database);
});
