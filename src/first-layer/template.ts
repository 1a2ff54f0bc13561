import type { Lang } from '../core/languages';

/**
 * The first layer as data, compiled at build time from the dialog's Preact `Banner` and the locale files
 * (src/ui/compile-banner.ts), so that the core can draw the banner without Preact or i18next and the two
 * cannot drift.
 *
 * A child or attribute value is a slot when it starts with `$` (a text from the locale files, by key,
 * which the shop may override) or `=` (a value of the page view: `=shop`, `=policy`, `=lang`); any
 * other string is literal text.
 */
export type TemplateNode = [
  tag: string,
  attributes: Record<string, string>,
  children: TemplateChild[],
  when?: Condition,
];
export type TemplateChild = TemplateNode | string;

/** What an element is shown under: a shop name, a policy link, a GPC signal, the sensitive-data note. */
export type Condition = 'shop' | 'policy' | 'gpc' | 'sensitive';

export interface FirstLayerTemplate {
  /** The attributes of the element that frames every layer (`class`, `dir`). */
  frame: Record<string, string>;
  banner: TemplateNode;
  /** Our text for every `$` slot of the banner, per language. */
  texts: Record<Lang, Record<string, string>>;
}
