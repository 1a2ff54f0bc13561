import { describe, expect, it } from 'vitest';
import { createClassifier } from './classify';
import { compileCookieDb } from './cookie-db/compile';

const db =
  compileCookieDb(`ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match
1,Google Analytics,Analytics,_ga,,,,,,0
2,Shopify,Functional,cart,,,,,,0
3,Mixpanel,Analytics,mp_,,,,,,1
4,Some CMS,Personalization,recently_viewed,,,,,,0`);
const classify = createClassifier(db);

describe('createClassifier', () => {
  it("takes the widget's own cookie and outbox as order fulfilment", () => {
    expect(classify.name('shopconsent')).toMatchObject({ purpose: 'necessary', source: 'widget' });
    expect(classify.name('shopconsent:receipts')).toMatchObject({ purpose: 'necessary', source: 'widget' });
  });

  it("prefers the catalogue, with the widget's services id, over the database", () => {
    expect(classify.name('_ga')).toEqual({
      purpose: 'analytics',
      platform: 'Google Analytics 4',
      source: 'catalogue',
      service: 'ga4',
    });
    expect(classify.name('_ga_MONAOK')).toMatchObject({ service: 'ga4' });
    expect(classify.name('_ym_uid')).toMatchObject({ purpose: 'analytics', service: 'yandex-metrica' });
  });

  it("knows the markets' trackers the widget's catalogue lacks, without a services id", () => {
    expect(classify.name('tmr_lvid')).toEqual({
      purpose: 'marketing',
      platform: 'VK Ads pixel (Top@Mail.ru)',
      source: 'catalogue',
    });
    expect(classify.name('_clck')).toMatchObject({ purpose: 'analytics', platform: 'Microsoft Clarity' });
    expect(classify.host('sp.zalo.me')).toMatchObject({
      purpose: 'marketing',
      platform: 'Zalo (Zalo Ads pixel, chat widget)',
    });
    expect(classify.host('www.clarity.ms')).toMatchObject({ purpose: 'analytics' });
  });

  it("maps the database's categories to the widget's purposes", () => {
    expect(classify.name('cart')).toMatchObject({ purpose: 'necessary', source: 'open-cookie-database' });
    expect(classify.name('mp_abc_mixpanel')).toMatchObject({ purpose: 'analytics', platform: 'Mixpanel' });
    expect(classify.name('recently_viewed')).toMatchObject({ purpose: 'personalization' });
  });

  it('classifies hosts by the catalogue, subdomains included, and guesses nothing', () => {
    expect(classify.host('www.facebook.com')).toMatchObject({ purpose: 'marketing', service: 'meta-pixel' });
    expect(classify.host('region1.google-analytics.com')).toMatchObject({ service: 'ga4' });
    expect(classify.host('notfacebook.com')).toBeUndefined();
    expect(classify.name('fixture_blob')).toBeUndefined();
  });
});
