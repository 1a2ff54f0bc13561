import type { Cause, Pass } from '../types';
import type { Lang } from '../widget';
import { type ReportKey, reportTexts } from './i18n';
import type { ScanReport } from './model';

type T = ReturnType<typeof reportTexts>;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PASS_KEY: Record<Pass, ReportKey> = {
  'before-decision': 'passBeforeDecision',
  'after-reject': 'passAfterReject',
  'after-accept': 'passAfterAccept',
};
const KIND_KEY = { cookie: 'kindCookie', storage: 'kindStorage', request: 'kindRequest' } as const;
const PURPOSE_KEY: Record<string, ReportKey> = {
  necessary: 'purposeNecessary',
  analytics: 'purposeAnalytics',
  marketing: 'purposeMarketing',
  personalization: 'purposePersonalization',
};

const purposeName = (t: T, purpose: string): string => (PURPOSE_KEY[purpose] ? t(PURPOSE_KEY[purpose]) : purpose);
const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;

/** Values are escaped here; the texts are the scanner's own, so each interpolated value is markup already. */
const causeHtml = (t: T, cause: Cause | null): string => {
  if (!cause) return escapeHtml(t('causeUnknown'));
  if (cause.kind === 'script')
    return escapeHtml(t('causeScript', { url: '\u0000' })).replace('\u0000', code(cause.url));
  if (cause.kind === 'response')
    return escapeHtml(t('causeResponse', { url: '\u0000' })).replace('\u0000', code(cause.url));
  if (cause.kind === 'parser')
    return escapeHtml(t('causeParser', { page: '\u0000' })).replace('\u0000', code(cause.page));
  return escapeHtml(t('causeInline', { page: '\u0000', line: String(cause.line ?? '?') })).replace(
    '\u0000',
    code(cause.page),
  );
};

const fixHtml = (t: T, report: ScanReport, cause: Cause | null, purpose: string): string => {
  const gate = report.suggestion.gate.find((entry) => JSON.stringify(entry.cause) === JSON.stringify(cause));
  const purposes = gate?.purposes.join(' ') ?? purpose;
  if (cause?.kind === 'script' && gate?.markup) {
    return `${escapeHtml(t('fixScript', { purposes }))}<pre><code>${escapeHtml(gate.markup)}</code></pre>`;
  }
  if (cause?.kind === 'inline-script' && gate?.markup) {
    return `${escapeHtml(t('fixInline'))}<pre><code>${escapeHtml(gate.markup)}</code></pre>`;
  }
  if (cause?.kind === 'response') return escapeHtml(t('fixResponse', { purposes }));
  return escapeHtml(t('fixOther', { purposes }));
};

const passes = (t: T, list: Pass[]): string => list.map((pass) => escapeHtml(t(PASS_KEY[pass]))).join(', ');

const itemTable = (t: T, items: ScanReport['items']): string => {
  if (items.length === 0) return `<p>${escapeHtml(t('none'))}</p>`;
  const columns: ReportKey[] = ['colName', 'colKind', 'colWhere', 'colService', 'colSeen', 'colPages'];
  const cells = (item: ScanReport['items'][number]): string[] => [
    code(item.name),
    `${escapeHtml(t(KIND_KEY[item.kind]))}${item.thirdParty ? `, ${escapeHtml(t('thirdParty'))}` : ''}`,
    escapeHtml(item.where),
    escapeHtml(item.classification?.platform ?? ''),
    passes(t, item.passes),
    String(item.pages.length),
  ];
  // On a phone the rows become cards; each cell then shows its column's name from data-label.
  const rows = items
    .map(
      (item) =>
        `<tr>${cells(item)
          .map((cell, index) => `<td data-label="${escapeHtml(t(columns[index] ?? 'colName'))}">${cell}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const head = columns.map((column) => `<th scope="col">${escapeHtml(t(column))}</th>`).join('');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
};

const MISCONFIG_KEY = {
  'tag-missing': 'misconfigTagMissing',
  'duplicate-tag': 'misconfigDuplicateTag',
  'unknown-purpose': 'misconfigUnknownPurpose',
  'no-banner': 'misconfigNoBanner',
} as const;

const STYLE = `
:root { color-scheme: light; --red: #a4161a; --ink: #1d1d1f; --muted: #4a4a4f; --line: #d0d0d7; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 70rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; background: #f4f4f6; padding: 0.75rem; border-radius: 6px; margin: 0.5rem 0; }
.verdict { padding: 1rem; border-radius: 8px; font-weight: 600; }
.verdict.clean { background: #e7f5ec; color: #14532d; border: 2px solid #1f7a3f; }
.verdict.violations { background: #fdecec; color: var(--red); border: 2px solid var(--red); }
dl.counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem; margin: 1rem 0; }
dl.counts div { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem; }
dl.counts dt { color: var(--muted); font-size: 0.9rem; } dl.counts dd { margin: 0; font-size: 1.5rem; font-weight: 700; }
.violation { border: 2px solid var(--red); border-left-width: 8px; border-radius: 6px; padding: 0.75rem; margin: 0.75rem 0; background: #fff8f8; }
.violation h3 { color: var(--red); margin: 0 0 0.5rem; overflow-wrap: anywhere; }
.violation dl { margin: 0; } .violation dt { font-weight: 600; } .violation dd { margin: 0 0 0.5rem; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { font-size: 0.9rem; color: var(--muted); }
img { max-width: 100%; height: auto; border: 1px solid var(--line); }
@media (max-width: 40rem) {
  table, thead, tbody, tr, th, td { display: block; } thead { position: absolute; left: -9999px; }
  tr { border: 1px solid var(--line); border-radius: 6px; margin: 0.5rem 0; padding: 0.25rem; } td { border: 0; }
  td::before { content: attr(data-label) ": "; color: var(--muted); font-size: 0.9rem; }
}
footer { color: var(--muted); font-size: 0.9rem; margin: 2rem 0 1rem; }
`;

/** index.html: one self-contained page for the shop owner, summary first, in the report's language. */
export const renderHtml = (report: ScanReport, lang: Lang, screenshot?: Buffer): string => {
  const t = reportTexts(lang);
  const { summary } = report;
  const count = (key: ReportKey, value: number) => `<div><dt>${escapeHtml(t(key))}</dt><dd>${value}</dd></div>`;
  const violations = report.violations
    .map(
      (violation) => `<article class="violation">
<h3>${code(violation.name)} · ${escapeHtml(t(KIND_KEY[violation.kind]))} · ${escapeHtml(purposeName(t, violation.purpose))}</h3>
<dl>
<dt>${escapeHtml(t('when'))}</dt><dd>${passes(t, violation.passes)}</dd>
<dt>${escapeHtml(t('seenOn'))}</dt><dd>${code(violation.page)}</dd>
<dt>${escapeHtml(t('cause'))}</dt><dd>${causeHtml(t, violation.cause)}</dd>
<dt>${escapeHtml(t('fix'))}</dt><dd>${fixHtml(t, report, violation.cause, violation.purpose)}</dd>
</dl>
</article>`,
    )
    .join('\n');
  const purposes = [
    ...new Set(report.items.flatMap((item) => (item.classification ? [item.classification.purpose] : []))),
  ];
  purposes.sort((a, b) => (a === 'necessary' ? -1 : b === 'necessary' ? 1 : a.localeCompare(b)));
  const byPurpose = purposes
    .map(
      (purpose) =>
        `<h3>${escapeHtml(purposeName(t, purpose))}</h3>\n${itemTable(
          t,
          report.items.filter((item) => item.classification?.purpose === purpose),
        )}`,
    )
    .join('\n');
  const misconfigurations = report.misconfigurations.length
    ? `<ul>${report.misconfigurations
        .map(
          (entry) =>
            `<li>${code(entry.page)}: ${escapeHtml(t(MISCONFIG_KEY[entry.kind], { detail: entry.detail ?? '' }))}${
              entry.src ? ` ${code(entry.src)}` : ''
            }</li>`,
        )
        .join('')}</ul>`
    : `<p>${escapeHtml(t('none'))}</p>`;
  const gates = report.suggestion.gate.filter((entry) => entry.markup);
  const errors = report.errors.length
    ? `<h2>${escapeHtml(t('errors'))}</h2><ul>${report.errors
        .map(
          (entry) => `<li>${code(entry.url)} (${escapeHtml(t(PASS_KEY[entry.pass]))}): ${escapeHtml(entry.error)}</li>`,
        )
        .join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('title'))}: ${escapeHtml(report.url)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(t('title'))}</h1>
<p>${escapeHtml(t('site'))}: ${code(report.url)} · ${escapeHtml(t('scannedAt'))}: <time datetime="${report.startedAt}">${escapeHtml(
    new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
      new Date(report.startedAt),
    ),
  )} UTC</time></p>
<section aria-labelledby="summary">
<h2 id="summary">${escapeHtml(t('summary'))}</h2>
<p class="verdict ${summary.violations ? 'violations' : 'clean'}">${escapeHtml(
    t(summary.violations ? 'verdictViolations' : 'verdictClean'),
  )}</p>
<dl class="counts">
${count('countViolations', summary.violations)}
${count('countPages', summary.pages)}
${count('countItems', summary.items)}
${count('countUnclassified', summary.unclassified)}
${count('countMisconfigurations', summary.misconfigurations)}
</dl>
</section>
${
  report.violations.length
    ? `<section aria-labelledby="violations"><h2 id="violations">${escapeHtml(t('violations'))}</h2>\n${violations}</section>`
    : ''
}
<section aria-labelledby="misconfigurations"><h2 id="misconfigurations">${escapeHtml(t('misconfigurations'))}</h2>
${misconfigurations}</section>
<section aria-labelledby="suggestion"><h2 id="suggestion">${escapeHtml(t('suggestion'))}</h2>
<p>${escapeHtml(t('suggestionConfig'))}</p>
<pre><code>${escapeHtml(report.suggestion.snippet)}</code></pre>
${gates.length ? `<p>${escapeHtml(t('suggestionGate'))}</p><pre><code>${escapeHtml(gates.map((entry) => entry.markup).join('\n'))}</code></pre>` : ''}
</section>
<section aria-labelledby="by-purpose"><h2 id="by-purpose">${escapeHtml(t('byPurpose'))}</h2>
${byPurpose}
<h3>${escapeHtml(t('unclassified'))}</h3>
<p>${escapeHtml(t('unclassifiedNote'))}</p>
${itemTable(
  t,
  report.items.filter((item) => !item.classification),
)}
</section>
${
  screenshot
    ? `<section aria-labelledby="banner"><h2 id="banner">${escapeHtml(t('banner'))}</h2>
<img src="data:image/png;base64,${screenshot.toString('base64')}" alt="${escapeHtml(t('bannerAlt', { page: report.pages[0] ?? report.url }))}"></section>`
    : ''
}
${errors}
<footer>${escapeHtml(t('footer'))}</footer>
</main>
</body>
</html>
`;
};
