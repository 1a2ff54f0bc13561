// @vitest-environment node
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorsIn, expectStoredOnce, health, loadOf, openLogged } from './faults.testing';
import { type Postgres, startPostgres } from './postgres.testing';

let postgres: Promise<Postgres>;
// A cluster of its own: this test stops it, and other test files must not see that.
beforeAll(() => {
  postgres = startPostgres({ durable: false });
  return postgres.then(
    () => undefined,
    () => undefined,
  );
}, 60_000);
afterAll(async () => (await postgres.catch(() => null))?.stop(), 60_000);

it('PostgreSQL stopped and started again mid-load: 503 while it is down, /health degraded then ok, every acknowledged receipt stored once, a few log lines', {
  timeout: 120_000,
}, async () => {
  const server = await postgres;
  const { collector, log } = await openLogged(await server.database());
  try {
    const load = loadOf(collector, 'outage');
    await load.until(() => load.acknowledged.length >= 300, '300 receipts before the outage');
    await server.halt();
    const before = load.refused();
    await load.until(() => load.refused() >= before + 200, '200 receipts refused while PostgreSQL is down');
    expect(await health(collector)).toMatchObject({
      statusCode: 503,
      status: 'degraded',
      reason: 'database_unreachable',
    });

    await server.resume();
    const acknowledgedBefore = load.acknowledged.length;
    await load.until(() => load.acknowledged.length >= acknowledgedBefore + 300, '300 receipts after the restart');
    await load.stop();
    expect(await health(collector)).toMatchObject({ statusCode: 200, status: 'ok' });
    expect([...load.answers.keys()].sort()).toEqual([204, 503]);

    const errors = errorsIn(log());
    expect(errors.length).toBeGreaterThan(0);
    // One line per distinct failure (refused connection, terminated connection, shutdown), not one per request.
    expect(errors.length).toBeLessThanOrEqual(8);
    expect(load.refused()).toBeGreaterThan(errors.length * 20);
    expect(JSON.stringify(errors)).not.toMatch(/\n\s+at /);
    await expectStoredOnce(collector, load.acknowledged);
  } finally {
    await collector.close();
  }
});
