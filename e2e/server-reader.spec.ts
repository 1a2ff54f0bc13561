import { expect, test } from '@playwright/test';
import { readConsent } from '../src/server/index';
import { ShopPage } from './shop-page';

test('readConsent on the server sees the same decision as the browser', async ({ page, context }) => {
  const shop = await ShopPage.open(page, { attributes: { lang: 'ky', revision: '3' } });
  await shop.choose();
  await shop.toggle('marketing');
  await shop.save();
  // The Cookie header a request from this browser carries.
  const header = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  expect(readConsent(`theme=dark; ${header}; _ga=GA1.1.1`)).toEqual(await shop.state());
});

test('readConsent gives null for a request without a decision or with garbage', () => {
  expect(readConsent('')).toBeNull();
  expect(readConsent('_ga=GA1.1.1')).toBeNull();
  expect(readConsent('shopconsent=%E0%A4%A; x=1')).toBeNull();
  expect(readConsent('shopconsent={"analytics":true}')).toBeNull();
});
