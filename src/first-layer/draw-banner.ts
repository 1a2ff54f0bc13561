import template from 'virtual:shopconsent-first-layer';
import type { Lang } from '../core/languages';
import { type DialogSettings, showsSensitiveNote } from '../settings/dialog-settings';
import type { Condition, TemplateNode } from './template';
import type { BannerTexts } from './types';

/**
 * The banner in `lang`, inside the frame every layer has, built element by element from the compiled
 * template (src/first-layer/template.ts): no HTML is parsed, so a Trusted Types policy has nothing to
 * check. The shop's `texts` replace ours (`texts`, in `lang`) key by key, as they do in the dialog.
 */
export const drawBanner = (
  doc: Document,
  dialog: DialogSettings,
  lang: Lang,
  texts: BannerTexts,
  gpc: boolean,
): HTMLElement => {
  const shown: Record<Condition, boolean> = {
    shop: dialog.shop !== '',
    policy: dialog.policyUrl !== null,
    gpc,
    sensitive: showsSensitiveNote(dialog, lang),
  };
  const values: Record<string, string> = { shop: dialog.shop, policy: dialog.policyUrl ?? '', lang };
  const fill = (value: string) => {
    const name = value.slice(1);
    if (value[0] === '$') return dialog.texts[lang]?.[name] ?? texts[name] ?? '';
    return value[0] === '=' ? (values[name] ?? '') : value;
  };
  const build = ([tag, attributes, children, when]: TemplateNode): HTMLElement | null => {
    if (when && !shown[when]) return null;
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, fill(value));
    for (const child of children) {
      const node = typeof child === 'string' ? doc.createTextNode(fill(child)) : build(child);
      if (node) element.append(node);
    }
    return element;
  };
  const frame = doc.createElement('div');
  for (const [name, value] of Object.entries(template.frame)) frame.setAttribute(name, value);
  const banner = build(template.banner);
  if (banner) frame.append(banner);
  return frame;
};
