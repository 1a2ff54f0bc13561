// The main journeys of a shop's visitor, written once and run in every engine that
// scripts/test-engines.mjs names in SHOPCONSENT_ENGINES, against the static server at ENGINES_BASE_URL.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ENGINES } from '../scripts/engines.mjs';
import { LANGS, ShopConsentEnginePage, texts } from './ShopConsentEnginePage.mjs';
import { startSession } from './sessions.mjs';

const origin = process.env.ENGINES_BASE_URL;
const wanted = (process.env.SHOPCONSENT_ENGINES ?? '').split(',').filter(Boolean);
if (!origin || wanted.length === 0)
  throw new Error('run through scripts/test-engines.mjs (ENGINES_BASE_URL, SHOPCONSENT_ENGINES)');

for (const engine of ENGINES.filter((candidate) => wanted.includes(candidate.id))) {
  describe(engine.id, () => {
    let session;
    let shop;

    before(async () => {
      session = await startSession(engine);
      shop = new ShopConsentEnginePage(session, origin);
    });
    after(() => session?.close());
    beforeEach(() => shop.forget());

    for (const lang of LANGS) {
      it(`a first visit in ${lang} shows the banner in ${lang}, and nothing gated runs`, async () => {
        const t = texts(lang);
        await shop.open(lang);
        const banner = await shop.shown('banner');
        assert.equal(banner.lang, lang);
        assert.equal(banner.title, t.banner.title);
        assert.ok(banner.text.includes(t.banner.text), 'the banner text');
        assert.equal(banner.buttons['accept-all'], t.actions.acceptAll);
        assert.equal(banner.buttons['reject-all'], t.actions.rejectAll);
        assert.equal(banner.buttons.preferences, t.actions.choose);
        // The widget never hides from automation: WebDriver says so, and the banner is shown all the same.
        assert.equal(await session.run(() => navigator.webdriver), true);
        assert.equal(await shop.get(), null);
        assert.deepEqual(await shop.ran(), ['ungated']);
        assert.equal(await shop.cookie(), null);
      });
    }

    it('accept all: the banner closes, everything is allowed, the change event and get() agree', async () => {
      await shop.open('lv');
      await shop.shown('banner');
      await shop.clickButton('accept-all');
      await shop.gone('banner');
      const state = await shop.get();
      assert.deepEqual(state.purposes, { necessary: true, analytics: true, marketing: true });
      assert.equal(state.source, 'banner');
      assert.equal(state.lang, 'lv');
      assert.equal(await shop.has('marketing'), true);
      const changes = await shop.events('change');
      assert.equal(changes.length, 1);
      assert.deepEqual(changes[0].detail.state, state);
      assert.equal(changes[0].detail.source, 'banner');
      assert.ok(await shop.cookie(), 'the shopconsent cookie is set');
      await shop.waitFor(async () => (await shop.ran()).length === 3, 'both gated tags to run');
      assert.deepEqual((await shop.ran()).slice().sort(), ['analytics', 'marketing', 'ungated']);
    });

    it('reject all: only order fulfilment, and no gated tag runs', async () => {
      await shop.open('mn');
      await shop.shown('banner');
      await shop.clickButton('reject-all');
      await shop.gone('banner');
      const state = await shop.get();
      assert.deepEqual(state.purposes, { necessary: true, analytics: false, marketing: false });
      assert.equal(await shop.has('analytics'), false);
      assert.equal((await shop.events('change')).length, 1);
      assert.ok(await shop.cookie(), 'the shopconsent cookie is set');
      assert.deepEqual(await shop.ran(), ['ungated']);
    });

    it('choose and save: the switched-on purpose alone is allowed and its tag released', async () => {
      const t = texts('ky');
      await shop.open('ky');
      await shop.shown('banner');
      await shop.clickButton('preferences');
      const preferences = await shop.shown('preferences');
      assert.equal(preferences.title, t.preferences.title);
      assert.equal(await shop.switchState('analytics'), 'false');
      await shop.clickSwitch('analytics');
      await shop.waitFor(
        async () => (await shop.switchState('analytics')) === 'true',
        'the analytics switch to turn on',
      );
      await shop.clickButton('save', 'preferences');
      await shop.gone('preferences');
      assert.equal(await shop.layer('banner'), null);
      const state = await shop.get();
      assert.deepEqual(state.purposes, { necessary: true, analytics: true, marketing: false });
      assert.equal(state.source, 'preferences');
      await shop.waitFor(async () => (await shop.ran()).includes('analytics'), 'the analytics tag to run');
      assert.deepEqual((await shop.ran()).slice().sort(), ['analytics', 'ungated']);
    });

    it('a reload after deciding shows no banner, keeps the decision and releases its tags at once', async () => {
      await shop.open('vi');
      await shop.shown('banner');
      await shop.clickButton('accept-all');
      await shop.gone('banner');
      const decided = await shop.get();
      await shop.reload();
      assert.equal(await shop.layer('banner'), null);
      assert.deepEqual(await shop.get(), decided);
      assert.deepEqual(await shop.events('change'), []);
      await shop.waitFor(async () => (await shop.ran()).length === 3, 'both gated tags to run after the reload');
    });

    it('the language picker switches the open preferences to another language without a reload', async () => {
      await shop.open('vi');
      await shop.shown('banner');
      await shop.clickButton('preferences');
      assert.equal((await shop.shown('preferences')).lang, 'vi');
      await shop.focusLanguagePicker();
      await shop.press('ArrowDown');
      const lv = texts('lv');
      const preferences = await shop.waitFor(async () => {
        const seen = await shop.layer('preferences');
        return seen?.lang === 'lv' ? seen : null;
      }, 'the preferences to speak Latvian');
      assert.equal(preferences.title, lv.preferences.title);
      assert.equal(preferences.buttons.save, lv.actions.save);
      assert.equal(await shop.get(), null);
    });

    it('keyboard: the banner takes focus, and Tab goes through its link to its choices in order', async () => {
      await shop.open('en');
      await shop.shown('banner');
      await shop.waitFor(async () => (await shop.focused()) === 'banner', 'the banner to take focus');
      await shop.press('Tab');
      assert.equal(await shop.focused(), `a ${texts('en').banner.policy}`);
      await shop.press('Tab');
      assert.equal(await shop.focused(), 'accept-all');
      await shop.press('Tab');
      assert.equal(await shop.focused(), 'reject-all');
      await shop.press('Tab');
      assert.equal(await shop.focused(), 'preferences');
      assert.equal(await shop.get(), null);
    });

    it('keyboard: Escape closes the preferences back to the banner, deciding nothing', async () => {
      await shop.open('en');
      await shop.shown('banner');
      await shop.clickButton('preferences');
      await shop.shown('preferences');
      await shop.press('Escape');
      await shop.gone('preferences');
      await shop.shown('banner');
      assert.equal(await shop.get(), null);
      assert.deepEqual(await shop.events('change'), []);
      assert.equal(await shop.cookie(), null);
    });
  });
}
