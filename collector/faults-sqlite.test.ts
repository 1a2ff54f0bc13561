// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { errorsIn, expectStoredOnce, health, loadOf, openLogged } from './faults.testing';
import { TOKEN } from './process.testing';

const dir = mkdtempSync(join(tmpdir(), 'shopconsent-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('disk full (SQLite at SQLITE_MAX_MB): 503 and nothing kept, /health degraded with the reason, a few log lines without stacks; back to ok once there is room', {
  timeout: 90_000,
}, async () => {
  const { collector, log } = await openLogged(`sqlite:${join(dir, 'full.db')}`, { sqliteMaxMegabytes: 1 });
  try {
    expect((await health(collector)).status).toBe('ok');
    const load = loadOf(collector, 'full');
    await load.until(() => load.refused() >= 300, '300 receipts refused on a full database');
    await load.stop();
    expect([...load.answers.keys()].sort()).toEqual([204, 503]);
    expect(load.acknowledged.length).toBeGreaterThan(200);

    const full = await health(collector);
    expect(full).toMatchObject({ statusCode: 503, status: 'degraded', reason: 'disk_full' });
    expect(full.message).toMatch(/full/);
    const errors = errorsIn(log());
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(3);
    expect(JSON.stringify(errors)).not.toMatch(/stack|\n\s+at /);
    expect(errors[0]).toMatchObject({ msg: 'request failed', reason: 'disk_full', code: 'SQLITE_FULL' });

    // The shop makes room: it erases the receipts of 300 visitors (one each here).
    const erased = load.acknowledged.splice(0, 300);
    for (const id of erased) {
      const response = await collector.app.inject({
        method: 'DELETE',
        url: `/receipts?consentId=${id}`,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.json().erased).toBe(1);
    }
    // No receipt has been written since; /health tries a write of its own.
    expect(await health(collector)).toMatchObject({ statusCode: 200, status: 'ok' });

    const more = loadOf(collector, 'more');
    await more.until(() => more.acknowledged.length >= 50, '50 receipts taken again');
    await more.stop();
    expect(log().some((line) => /receipts are written again/.test(String(line.msg)))).toBe(true);
    await expectStoredOnce(collector, [...load.acknowledged, ...more.acknowledged], erased);
  } finally {
    await collector.close();
  }
});
