import { type BrowserContext, expect, test } from '@playwright/test';
import { type ConsentState, type HostPageOptions, ShopConsentPage } from './ShopConsentPage';

type ChangeDetail = { state: ConsentState | null; changed: string[]; source: string };

const GATED = {
  body: `<script>window.ran = [];</script>
    <script type="text/plain" data-consent="analytics">window.ran.push('analytics');</script>
    <script type="text/plain" data-consent="marketing">window.ran.push('marketing');</script>`,
};

const twoTabs = async (context: BrowserContext, options: HostPageOptions = {}) => {
  const first = await ShopConsentPage.open(await context.newPage(), options);
  const second = await ShopConsentPage.open(await context.newPage(), options);
  await expect(first.banner).toBeVisible();
  await expect(second.banner).toBeVisible();
  return [first, second] as const;
};

test('a decision in one tab is followed by the other within a second', async ({ context }) => {
  const [first, second] = await twoTabs(context, { lang: 'lv', ...GATED });
  await first.choose();
  await first.toggle('analytics');
  await first.save();
  const decided = await first.get();
  expect(decided?.source).toBe('preferences');

  await expect(second.banner).toHaveCount(0, { timeout: 1000 });
  expect(await second.get()).toEqual({ ...decided, source: 'sync' });
  expect(await second.has('analytics')).toBe(true);
  expect(await second.details<ChangeDetail>('change')).toEqual([
    { state: { ...decided, source: 'sync' }, changed: ['analytics'], source: 'sync' },
  ]);
  // The tags the decision allows run in the other tab too.
  await expect
    .poll(() => second.page.evaluate(() => (window as unknown as { ran: string[] }).ran), { timeout: 1000 })
    .toEqual(['analytics']);
  first.expectSilent();
  second.expectSilent();
});

test('a change of mind in one tab is followed by the other, also with its preferences open', async ({ context }) => {
  const [first, second] = await twoTabs(context);
  await first.acceptAll();
  await expect(second.banner).toHaveCount(0, { timeout: 1000 });
  await second.page.evaluate(() => window.ShopConsent.open());
  await expect(second.preferences).toBeVisible();

  await first.page.evaluate(() => window.ShopConsent.set({ marketing: false }));
  const decided = await first.get();
  await expect.poll(() => second.get(), { timeout: 1000 }).toEqual({ ...decided, source: 'sync' });
  const changes = await second.details<ChangeDetail>('change');
  expect(changes.at(-1)).toEqual({ state: { ...decided, source: 'sync' }, changed: ['marketing'], source: 'sync' });
  first.expectSilent();
  second.expectSilent();
});

test('a reset in one tab brings the banner back in the other', async ({ context }) => {
  const [first, second] = await twoTabs(context);
  await first.rejectAll();
  await expect(second.banner).toHaveCount(0, { timeout: 1000 });
  await first.page.evaluate(() => window.ShopConsent.reset());
  await expect(second.banner).toBeVisible({ timeout: 1000 });
  expect(await second.get()).toBeNull();
  expect((await second.details<ChangeDetail>('change')).at(-1)?.state).toBeNull();
  first.expectSilent();
  second.expectSilent();
});

test('a tab opened on a returning visit, which never loaded the dialog, shows the banner after a reset elsewhere', async ({
  context,
}) => {
  const first = await ShopConsentPage.open(await context.newPage());
  await first.acceptAll();
  const second = await ShopConsentPage.open(await context.newPage());
  await second.settle();
  expect(second.uiRequests()).toBe(0);
  expect((await second.get())?.source).toBe('banner');

  await first.page.evaluate(() => window.ShopConsent.reset());
  await expect(second.banner).toBeVisible({ timeout: 1000 });
  expect(await second.get()).toBeNull();

  await second.rejectAll();
  await expect
    .poll(() => first.get(), { timeout: 1000 })
    .toMatchObject({
      source: 'sync',
      purposes: { necessary: true, analytics: false, marketing: false },
    });
  await expect(first.banner).toHaveCount(0);
  first.expectSilent();
  second.expectSilent();
});
