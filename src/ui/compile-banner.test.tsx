import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import { LANGUAGES } from '../core/languages';
import { drawBanner } from '../first-layer/draw-banner';
import type { UiHost } from '../runtime/types';
import { type DialogSettings, showsSensitiveNote } from '../settings/dialog-settings';
import { dialogSettings } from '../settings/dialog-settings.testing';
import { compileBanner } from './compile-banner';
import { FRAME } from './components/App';
import { Banner } from './components/Banner';
import { createI18n } from './i18n';

const dialog = (over: Partial<DialogSettings> = {}) =>
  dialogSettings({ shop: 'MonaOK', policyUrl: 'https://shop.example/privacy', ...over });

const host = { config: { purposes: [] } } as unknown as UiHost;
const ours = compileBanner().texts;

/** The dialog's Preact banner in its frame, as markup. */
const preactBanner = (settings: DialogSettings, lang: (typeof LANGUAGES)[number], gpc: boolean) => {
  const container = document.createElement('div');
  const t = createI18n(settings).getFixedT(lang);
  const sensitive = showsSensitiveNote(settings, lang);
  render(
    <div {...FRAME}>
      <Banner host={host} dialog={settings} lang={lang} gpc={gpc} sensitive={sensitive} t={t} />
    </div>,
    container,
  );
  return container.innerHTML;
};

const coreBanner = (settings: DialogSettings, lang: (typeof LANGUAGES)[number], gpc: boolean) =>
  drawBanner(document, settings, lang, ours[lang], gpc).outerHTML;

describe('the banner the core draws', () => {
  const cases = LANGUAGES.flatMap(
    (lang) =>
      [
        [lang, 'a shop with a name, a policy and no signal', dialog(), false],
        [lang, 'GPC, no shop name, no policy link', dialog({ shop: '', policyUrl: null }), true],
        [lang, 'the sensitive-data note asked for', dialog({ sensitiveNote: true }), false],
        [lang, 'the sensitive-data note refused', dialog({ sensitiveNote: false }), true],
        [
          lang,
          'the shop’s own texts',
          dialog({ texts: { [lang]: { 'banner.title': `<b>${lang} & co</b>`, 'actions.choose': 'Mine' } } }),
          false,
        ],
      ] as const,
  );

  it.each(cases)('is the Preact banner, element for element, in %s: %s', (lang, _case, settings, gpc) => {
    expect(coreBanner(settings, lang, gpc)).toBe(preactBanner(settings, lang, gpc));
  });

  it('carries our texts in every language, as the locale files have them', () => {
    const { texts } = compileBanner();
    expect(Object.keys(texts).sort()).toEqual([...LANGUAGES].sort());
    expect(texts.en['actions.rejectAll']).toBe(en.actions.rejectAll);
    expect(texts.vi['notice.sensitive']).toBe(vi.notice.sensitive);
    for (const lang of LANGUAGES) expect(Object.keys(texts[lang]).sort()).toEqual(Object.keys(texts.en).sort());
  });

  it('shows the sensitive-data note in Vietnamese by default, and never in Latvian', () => {
    const note = (lang: 'vi' | 'lv' | 'en', settings = dialog()) =>
      drawBanner(document, settings, lang, ours[lang], false).querySelector('.sc-sensitive')?.textContent ?? null;
    expect(note('vi')).toBe(vi.notice.sensitive);
    expect(note('en')).toBeNull();
    expect(note('lv', dialog({ sensitiveNote: true }))).toBeNull();
  });

  it('writes a shop’s text as text, never as markup', () => {
    const drawn = drawBanner(
      document,
      dialog({ texts: { en: { 'banner.title': '<img src=x onerror=alert(1)>' } } }),
      'en',
      ours.en,
      false,
    );
    expect(drawn.querySelector('img')).toBeNull();
    expect(drawn.querySelector('h2')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
