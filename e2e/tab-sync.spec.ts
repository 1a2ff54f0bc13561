import { expect, test } from '@playwright/test';
import { ShopPage } from './shop-page';

test('a decision in one tab is followed by the other within a second', async ({ context }) => {
  const first = await ShopPage.open(await context.newPage());
  const second = await ShopPage.open(await context.newPage());
  await expect(second.banner).toBeVisible();

  await first.choose();
  await first.toggle('analytics');
  await first.save();
  const decided = await first.state();

  await expect(second.banner).toHaveCount(0, { timeout: 1000 });
  expect(await second.state()).toEqual({ ...decided, source: 'sync' });
  const changes = await second.events('change');
  expect(changes).toEqual([
    { type: 'change', detail: { state: { ...decided, source: 'sync' }, changed: ['analytics'], source: 'sync' } },
  ]);
  expect(second.pageErrors).toEqual([]);
});

test('a reset in one tab brings the banner back in the other', async ({ context }) => {
  const first = await ShopPage.open(await context.newPage());
  const second = await ShopPage.open(await context.newPage());
  await first.acceptAll();
  await expect(second.banner).toHaveCount(0, { timeout: 1000 });
  await first.page.evaluate(() => window.ShopConsent.reset());
  await expect(second.banner).toBeVisible({ timeout: 1000 });
  expect(await second.state()).toBeNull();
});
