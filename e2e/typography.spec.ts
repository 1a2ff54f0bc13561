import { type CDPSession, expect, type Page, test } from '@playwright/test';
import { dialogAtRest } from './dialog-checks';
import { type Lang, ShopConsentPage } from './ShopConsentPage';

/**
 * Part B.5 of the compliance guide: one font draws every letter of every language (no fallback glyphs
 * from a second font, the "ransom-note" look), Vietnamese stacked marks have room, and the shop's own
 * font never reaches the dialog.
 */

/** The letters part B names for each language, in a title the shop could have written. */
const LETTERS: Record<Exclude<Lang, 'en'>, string> = {
  mn: 'Өөрийн сонголтоо хүндэтгэнэ: Өө Үү',
  ky: 'Өзүңүздүн тандооңуз: Ңң Өө Үү',
  vi: 'ĐỒNG Ý TẤT CẢ: ẫ ậ ổ ữ ợ ự ỡ Ẵ Ặ Ỹ',
  lv: 'Piekrītu sīkdatņu joslai: Ģģ Ķķ Ļļ Ņņ Āā Ēē Īī Ūū',
};

/** What DOM.getDocument answers, as far as this spec reads it. */
interface DomNode {
  nodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The node ids of the elements under `root` (shadow roots included) with one of these ids. */
const findNodes = (root: DomNode, ids: string[]): Record<string, number> => {
  const found: Record<string, number> = {};
  const visit = (node: DomNode) => {
    const attributes = node.attributes ?? [];
    const index = attributes.indexOf('id');
    if (index >= 0 && ids.includes(attributes[index + 1])) found[attributes[index + 1]] = node.nodeId;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) visit(child);
  };
  visit(root);
  return found;
};

/** The fonts Chromium really used to draw each element's text. */
const fontsUsed = async (client: CDPSession, ids: string[]) => {
  const { root } = (await client.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const nodes = findNodes(root, ids);
  expect(Object.keys(nodes).sort()).toEqual([...ids].sort());
  const result: Record<string, string[]> = {};
  for (const [id, nodeId] of Object.entries(nodes)) {
    const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId });
    result[id] = fonts.map((font) => font.familyName);
  }
  return result;
};

const openWithTitle = async (page: Page, lang: Lang, title: string) => {
  const shop = await ShopConsentPage.open(page, { lang, config: { texts: { [lang]: { 'banner.title': title } } } });
  await dialogAtRest(page);
  const client = await page.context().newCDPSession(page);
  await client.send('DOM.enable');
  await client.send('CSS.enable');
  return { shop, client };
};

for (const [lang, letters] of Object.entries(LETTERS) as [Exclude<Lang, 'en'>, string][]) {
  test(`${lang}: one font draws all of "${letters}" and the rest of the banner`, async ({ page }) => {
    const { shop, client } = await openWithTitle(page, lang, letters);
    const fonts = await fontsUsed(client, ['sc-banner-title', 'sc-banner-text']);
    expect(fonts['sc-banner-title']).toHaveLength(1);
    expect(fonts['sc-banner-text']).toEqual(fonts['sc-banner-title']);
    shop.expectSilent();
  });
}

test('the dialog uses its own system font stack, whatever font the shop uses', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, {
    head: '<style>html, body, * { font-family: "Comic Sans MS", cursive !important; font-size: 23px !important; }</style>',
  });
  const font = await shop.title('banner').evaluate((h) => getComputedStyle(h).fontFamily);
  expect(font.split(',').map((f) => f.trim().replace(/"/g, ''))).toEqual([
    'system-ui',
    '-apple-system',
    'Segoe UI',
    'Roboto',
    'Noto Sans',
    'Ubuntu',
    'DejaVu Sans',
    'Arial',
    'sans-serif',
  ]);
  expect(await shop.banner.evaluate((b) => getComputedStyle(b).fontSize)).toBe('16px');
  shop.expectSilent();
});

test('Vietnamese stacked marks have room: line height at least 1.4, capitals not cut in a button', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, {
    lang: 'vi',
    config: { texts: { vi: { 'actions.acceptAll': 'ĐỒNG Ý TẤT CẢ', 'banner.title': LETTERS.vi } } },
  });
  await dialogAtRest(page);
  const metrics = await shop.banner.evaluate((banner) =>
    [...banner.querySelectorAll('h2, p, button')].map((element) => {
      const style = getComputedStyle(element);
      return {
        ratio: Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize),
        cut: element.scrollHeight > element.clientHeight + 1,
      };
    }),
  );
  for (const { ratio, cut } of metrics) {
    expect(ratio).toBeGreaterThanOrEqual(1.4);
    expect(cut).toBe(false);
  }
  shop.expectSilent();
});
