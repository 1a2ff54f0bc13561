import type { Findings } from './findings';
import type { Cause } from './types';

export interface SuggestedPurpose {
  id: string;
  services?: string[];
  cookies?: string[];
}

/** A tag to hold back: a script by its address, an inline script by page and line, or what else set it. */
export interface GateSuggestion {
  purposes: string[];
  cause: Cause;
  /** The markup to use instead, for a script; absent where no script tag can be changed. */
  markup?: string;
}

export interface Suggestion {
  purposes: SuggestedPurpose[];
  gate: GateSuggestion[];
  /** `window.shopConsentConfig` as the shop pastes it before the widget's tag. */
  snippet: string;
}

const BUILT_IN_ORDER = ['analytics', 'marketing'];

const causeKey = (cause: Cause): string =>
  cause.kind === 'script'
    ? cause.url
    : `${cause.kind} ${'page' in cause ? cause.page : cause.url} ${'line' in cause ? (cause.line ?? '') : ''}`;

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const markupOf = (cause: Cause, purposes: string[]): string | undefined => {
  const consent = `type="text/plain" data-consent="${purposes.join(' ')}"`;
  if (cause.kind === 'script') return `<script ${consent} src="${escapeAttribute(cause.url)}"></script>`;
  if (cause.kind === 'inline-script') return `<script ${consent}>`;
  return undefined;
};

/**
 * The configuration that would make the scan clean: every purpose seen with the widget's `services` ids or
 * the cookie names to delete on withdrawal, and each tag that tracked without consent held back.
 */
export const suggestionOf = (findings: Findings): Suggestion => {
  const byPurpose = new Map<string, { services: Set<string>; cookies: Set<string> }>();
  for (const item of findings.items) {
    const classification = item.classification;
    if (!classification || classification.purpose === 'necessary') continue;
    const entry = byPurpose.get(classification.purpose) ?? { services: new Set(), cookies: new Set() };
    byPurpose.set(classification.purpose, entry);
    if (classification.service) entry.services.add(classification.service);
    else if (item.kind === 'cookie' && !item.thirdParty) entry.cookies.add(item.name);
  }
  const ids = [...byPurpose.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const purposes = ids.map((id): SuggestedPurpose => {
    const entry = byPurpose.get(id);
    const services = [...(entry?.services ?? [])].sort();
    const cookies = [...(entry?.cookies ?? [])].sort();
    return { id, ...(services.length ? { services } : {}), ...(cookies.length ? { cookies } : {}) };
  });

  const gates = new Map<string, GateSuggestion>();
  for (const violation of findings.violations) {
    const purpose = violation.item.classification?.purpose;
    if (!violation.cause || !purpose) continue;
    const key = causeKey(violation.cause);
    const gate = gates.get(key) ?? { purposes: [], cause: violation.cause };
    if (!gate.purposes.includes(purpose)) gate.purposes.push(purpose);
    gates.set(key, gate);
  }
  const gate = [...gates.values()].map((entry) => {
    entry.purposes.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const markup = markupOf(entry.cause, entry.purposes);
    return markup ? { ...entry, markup } : entry;
  });

  return { purposes, gate, snippet: snippetOf(purposes) };
};

const rank = (purpose: string): number => {
  const index = BUILT_IN_ORDER.indexOf(purpose);
  return index < 0 ? BUILT_IN_ORDER.length : index;
};

const list = (values: string[]): string => `[${values.map(quote).join(', ')}]`;

const snippetOf = (purposes: SuggestedPurpose[]): string => {
  const lines = purposes.map(({ id, services, cookies }) => {
    const fields = [`id: ${quote(id)}`];
    if (services) fields.push(`services: ${list(services)}`);
    if (cookies) fields.push(`cookies: ${list(cookies)}`);
    return `      { ${fields.join(', ')} },`;
  });
  return [
    '<script>',
    '  window.shopConsentConfig = {',
    '    purposes: [',
    ...lines,
    '    ],',
    '  };',
    '</script>',
  ].join('\n');
};
