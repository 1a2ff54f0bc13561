import { type ElementHandle, expect, type Locator, type Page, test } from '@playwright/test';
import { LANGS, type Lang, ShopConsentPage, texts } from './ShopConsentPage';

/**
 * A line never ends inside a count ("5 / cookie"), a date ("5- / декабрь", "5. / decembris") or a label
 * of a host name ("www.youtube- / nocookie.com"): on a phone 360 px wide, and, so that a line end
 * really falls on each of them somewhere, at every width from 320 to 420 px.
 */

test.use({ timezoneId: 'UTC' });

/** 320, 324 … 420 px: 360 among them. */
const WIDTHS = Array.from({ length: 26 }, (_, i) => 320 + 4 * i);
/** 5 December 2025, 09:30 UTC, in seconds, as the cookie stores it. */
const DECIDED = Date.UTC(2025, 11, 5, 9, 30) / 1000;
const HOST = 'www.youtube-nocookie.com';
const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}_${i}`);
const CONFIG = {
  purposes: [
    { id: 'analytics', cookies: names('_stat', 5) },
    { id: 'marketing', cookies: names('_ads', 11) },
  ],
};
const VIDEO = `<iframe width="100%" height="200" title="Video" data-consent="marketing"
  data-src="https://${HOST}/embed/abc"></iframe>`;

/** The count as the locale file writes it, in the plural form the language uses for `count`. */
const countText = (lang: Lang, count: number) => {
  const forms = (texts(lang) as unknown as { purpose: Record<string, string> }).purpose;
  return forms[`cookies_${new Intl.PluralRules(lang).select(count)}`].replace('{{count}}', String(count));
};

/**
 * For each [element, needle]: the text of each line that `needle` (found in the text of the element) is
 * laid out on, measured one character at a time with Range.getClientRects() in the real layout.
 */
const linesOf = (page: Page, targets: [ElementHandle<Element>, string][]): Promise<string[][]> =>
  page.evaluate(
    ({ roots, needles }) =>
      roots.map((root, index) => {
        const needle = needles[index];
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) nodes.push(walker.currentNode as Text);
        const start = nodes
          .map((node) => node.data)
          .join('')
          .indexOf(needle);
        if (start < 0) return [`"${needle}" is not in "${root.textContent}"`];
        const lines = new Map<number, string>();
        let offset = 0;
        for (const node of nodes) {
          for (let i = 0; i < node.data.length; i++, offset++) {
            if (offset < start || offset >= start + needle.length) continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = [...range.getClientRects()].find((r) => r.width > 0);
            // A space where the line ends takes no room; it belongs to no line.
            if (!rect) continue;
            const top = Math.round(rect.top);
            lines.set(top, (lines.get(top) ?? '') + node.data[i]);
          }
        }
        return [...lines.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
      }),
    { roots: targets.map(([root]) => root), needles: targets.map(([, needle]) => needle) },
  );

for (const lang of LANGS) {
  test(`${lang}: counts, the date of the decision and a host name keep together at 320–420 px`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.route(`https://${HOST}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '' }));
    const shop = new ShopConsentPage(page);
    await shop.setCookie(`1|k3v9x0q2m7a1b5c8d4e6|${DECIDED}|1|${lang}|banner|necessary:1.analytics:1.marketing:0`);
    await shop.goto({ lang, config: CONFIG, body: VIDEO, attributes: { 'expires-days': '3650' } });
    const placeholder = page.locator('shopconsent-embed p');
    await expect(placeholder).toContainText(HOST);
    await page.locator('#privacy-settings').click();
    await expect(shop.preferences).toBeVisible();
    await page.evaluate(() => document.fonts.ready);

    const { decidedOn } = texts(lang).preferences;
    const decided = shop.preferences.locator('.sc-decided');
    const sentence = (await decided.textContent()) ?? '';
    const [before, after] = decidedOn.split('{{date}}');
    const date = sentence.slice(before.length, sentence.length - after.length);
    expect(sentence).toBe(`${before}${date}${after}`);
    expect(date).toMatch(/\b5\b/);

    const handle = async (locator: Locator) => (await locator.elementHandle()) as ElementHandle<Element>;
    const details = (purpose: string) => shop.preferences.locator(`#sc-purpose-${purpose}-details`);
    const targets: [ElementHandle<Element>, string][] = [
      [await handle(decided), date],
      [await handle(details('analytics')), countText(lang, 5)],
      [await handle(details('marketing')), countText(lang, 11)],
      [await handle(placeholder), HOST],
    ];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 740 });
      const [dateLines, fiveLines, elevenLines, hostLines] = await linesOf(page, targets);
      const at = `${lang}, ${width} px`;
      expect(dateLines, `${at}: the date`).toHaveLength(1);
      expect(fiveLines, `${at}: ${targets[1][1]}`).toHaveLength(1);
      expect(elevenLines, `${at}: ${targets[2][1]}`).toHaveLength(1);
      expect(hostLines.join(''), `${at}: the host name`).toBe(HOST);
      expect(
        hostLines.slice(0, -1).every((line) => line.endsWith('.')),
        `${at}: the host name breaks only after a dot: ${JSON.stringify(hostLines)}`,
      ).toBe(true);
    }
    shop.expectSilent();
  });
}
