import type { TFunction } from 'i18next';
import type { ComponentChildren, FunctionComponent, VNode } from 'preact';
import { LANGUAGES, type Lang } from '../core/languages';
import type { Condition, FirstLayerTemplate, TemplateChild, TemplateNode } from '../first-layer/template';
import type { UiHost } from '../runtime/types';
import type { DialogSettings } from '../settings/dialog-settings';
import { FRAME } from './components/App';
import { Banner, type BannerProps } from './components/Banner';
import { createI18n } from './i18n';

/** Our texts as the dialog has them, with no shop's texts on top. */
const ours = createI18n({ texts: {}, labels: {}, descriptions: {} });

/** Preact's prop names that differ from the attribute a browser reads. */
const ATTRIBUTE_NAMES: Record<string, string> = { className: 'class', tabIndex: 'tabindex', htmlFor: 'for' };

const isSlot = (value: string) => value.startsWith('$') || value.startsWith('=');

/** Calls function components and turns elements into template nodes; event handlers are left out. */
const expand = (node: ComponentChildren): TemplateChild[] => {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (Array.isArray(node)) return node.flatMap(expand);
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  const { type, props } = node as VNode<Record<string, unknown>>;
  if (typeof type === 'function') return expand((type as FunctionComponent)(props) as ComponentChildren);
  if (typeof type !== 'string') throw new Error('the banner may only hold elements, texts and function components');
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || typeof value === 'function' || value === undefined || value === null || value === false)
      continue;
    attributes[ATTRIBUTE_NAMES[name] ?? name] = String(value);
  }
  return [[type, attributes, expand(props.children as ComponentChildren)]];
};

/** The slots an element holds itself, in its attributes and its text children. */
const ownSlots = ([, attributes, children]: TemplateNode) =>
  [...Object.values(attributes), ...children.filter((child) => typeof child === 'string')].filter(isSlot);

const allSlots = (node: TemplateNode): string[] => [
  ...ownSlots(node),
  ...node[2].flatMap((child) => (typeof child === 'string' ? [] : allSlots(child))),
];

/** Each condition with the props that turn it off. */
type Off = Partial<Omit<BannerProps, 'dialog'>> & { dialog?: Partial<DialogSettings> };
const OFF: Record<Condition, Off> = {
  shop: { dialog: { shop: '' } },
  policy: { dialog: { policyUrl: null } },
  gpc: { gpc: false },
  sensitive: { sensitive: false },
};

const render = (off: Off = {}): TemplateNode => {
  const dialog = { shop: '=shop', policyUrl: '=policy', ...off.dialog } as DialogSettings;
  const host = { config: { purposes: [] } } as unknown as UiHost;
  const t = ((key: string) => `$${key}`) as unknown as TFunction;
  const [banner] = expand(Banner({ host, lang: '=lang' as Lang, gpc: true, sensitive: true, t, ...off, dialog }));
  if (!Array.isArray(banner)) throw new Error('the banner must render one element');
  return banner;
};

/**
 * Marks each element that is gone when a condition is off with that condition: an element whose own
 * slots no longer appear anywhere in the banner rendered without it.
 */
const markConditions = (node: TemplateNode, gone: Map<Condition, Set<string>>): TemplateNode => {
  const [tag, attributes, children] = node;
  const own = ownSlots(node);
  const conditions = [...gone].filter(([, slots]) => own.some((slot) => slots.has(slot))).map(([c]) => c);
  if (conditions.length > 1) throw new Error(`<${tag}> depends on ${conditions.join(' and ')}; the core shows one`);
  const marked = children.map((child) => (typeof child === 'string' ? child : markConditions(child, gone)));
  return conditions[0] ? [tag, attributes, marked, conditions[0]] : [tag, attributes, marked];
};

const lookUp = (lang: Lang, key: string): string => {
  const value: unknown = ours.getResource(lang, 'translation', key);
  if (typeof value !== 'string') throw new Error(`locales/${lang}.json has no text for ${key}`);
  // The core writes texts as they are; a placeholder would reach the visitor unfilled.
  if (value.includes('{{'))
    throw new Error(`locales/${lang}.json: ${key} needs interpolation, which the core does not do`);
  return value;
};

/** The banner as the core draws it, and our texts for it in every language. */
export const compileBanner = (): FirstLayerTemplate => {
  const full = render();
  const present = new Set(allSlots(full));
  const gone = new Map(
    (Object.keys(OFF) as Condition[]).map((condition) => {
      const left = new Set(allSlots(render(OFF[condition])));
      return [condition, new Set([...present].filter((slot) => !left.has(slot)))] as const;
    }),
  );
  const keys = [...present].filter((slot) => slot.startsWith('$')).map((slot) => slot.slice(1));
  const texts = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, Object.fromEntries(keys.map((key) => [key, lookUp(lang, key)]))]),
  ) as FirstLayerTemplate['texts'];
  return { frame: { ...FRAME }, banner: markConditions(full, gone), texts };
};
