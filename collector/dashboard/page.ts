import type { TFunction } from 'i18next';
import { OUTCOMES, type Report } from '../stats/report';
import { type Mark, shareBars, shareLines, stackedBars } from './charts';
import { esc } from './html';
import { autonym, LANGUAGES, type Language, languageName, purposeName, translator } from './i18n';
import type { Period } from './period';
import { type Cell, type Table, type TableId, tablesOf } from './tables';

/** What the page shows besides the figures: the owner's choices, to keep them in every link and form. */
export interface View {
  lang: Language;
  period: Period;
  shop: string | null;
  shops: string[];
}

const query = (view: View, over: Record<string, string> = {}) => {
  const params = new URLSearchParams({ lang: view.lang });
  if (view.shop !== null) params.set('shop', view.shop);
  if (view.period.choice === 'custom') {
    params.set('period', 'custom');
    params.set('from', view.period.from);
    params.set('to', view.period.to);
  } else params.set('period', view.period.choice);
  for (const [key, value] of Object.entries(over)) params.set(key, value);
  return params.toString();
};

const shell = (lang: Language, title: string, body: string) => `<!doctype html>
<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/dashboard/dashboard.css">
</head>
<body>
${body}
</body>
</html>
`;

const languageLinks = (view: Pick<View, 'lang'>, href: (lang: Language) => string, t: TFunction) =>
  `<nav class="languages" aria-label="${esc(t('language'))}"><ul>${LANGUAGES.map(
    (lang) =>
      `<li><a href="${esc(href(lang))}" hreflang="${lang}" lang="${lang}"${lang === view.lang ? ' aria-current="true"' : ''}>${esc(autonym(lang))}</a></li>`,
  ).join('')}</ul></nav>`;

export const signInPage = (lang: Language, message: 'wrong' | 'tooMany' | 'disabled' | 'expired' | null) => {
  const t = translator(lang);
  const alert = message ? `<p class="alert" role="alert">${esc(t(`signIn.${message}`))}</p>` : '';
  return shell(
    lang,
    `${t('signIn.heading')} · ${t('title')}`,
    `<header class="top">
<p class="brand">${esc(t('title'))}</p>
${languageLinks({ lang }, (code) => `/dashboard?lang=${code}`, t)}
</header>
<main id="main" class="sign-in">
<h1>${esc(t('signIn.heading'))}</h1>
<p>${esc(t('signIn.intro'))}</p>
${alert}
<form method="post" action="/dashboard/sign-in">
<input type="hidden" name="lang" value="${lang}">
<label for="token">${esc(t('signIn.token'))}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required minlength="16" spellcheck="false">
<button type="submit">${esc(t('signIn.submit'))}</button>
</form>
</main>`,
  );
};

const formatters = (lang: Language) => {
  const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  return { count: (value: number) => count.format(value), percent: (value: number) => percent.format(value) };
};

const cellHtml = (cell: Cell, format: ReturnType<typeof formatters>, header: boolean) => {
  if ('text' in cell) {
    const text = /^\d{4}-\d{2}-\d{2}$/.test(cell.text)
      ? `<time datetime="${cell.text}">${cell.text}</time>`
      : esc(cell.text);
    return header ? `<th scope="row">${text}</th>` : `<td>${text}</td>`;
  }
  if ('count' in cell) return `<td class="number">${esc(format.count(cell.count))}</td>`;
  return cell.whole === 0
    ? '<td class="number">–</td>'
    : `<td class="number">${esc(format.percent(cell.part / cell.whole))} <span class="of">(${esc(format.count(cell.part))}/${esc(format.count(cell.whole))})</span></td>`;
};

const tableHtml = (table: Table, view: View, t: TFunction) => {
  const format = formatters(view.lang);
  return `<div class="table-wrap" role="region" aria-label="${esc(t('tableLabel', { name: table.name }))}" tabindex="0">
<table id="table-${table.id}">
<caption>${esc(table.name)}</caption>
<thead><tr>${table.head.map((head) => `<th scope="col">${esc(head)}</th>`).join('')}</tr></thead>
<tbody>${table.rows.map((row) => `<tr>${row.map((cell, index) => cellHtml(cell, format, index === 0)).join('')}</tr>`).join('\n')}</tbody>
</table>
</div>
<p class="download"><a href="/dashboard/csv/${table.id}?${esc(query(view))}" download>${esc(t('csv'))}<span class="visually-hidden">: ${esc(table.name)}</span></a></p>`;
};

const legend = (items: { key: string; name: string }[], line = false) =>
  `<ul class="legend">${items.map((item, position) => `<li><span class="swatch ${line ? `series-${position % 8}` : esc(item.key)}" aria-hidden="true"></span>${esc(item.name)}</li>`).join('')}</ul>`;

const section = (
  id: TableId,
  heading: string,
  caption: string,
  chart: string,
  legendHtml: string,
  table: string,
  note = '',
) =>
  `<section class="panel" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${esc(heading)}</h2>
<figure>
${chart}
<figcaption id="${id}-caption">${esc(caption)}${note ? ` ${esc(note)}` : ''}${legendHtml}</figcaption>
</figure>
${table}
</section>`;

export const dashboardPage = (report: Report, view: View, firstSeen: Map<string, string>, notice: string | null) => {
  const { lang } = view;
  const t = translator(lang);
  const format = formatters(lang);
  const tables = tablesOf(report, lang, t, firstSeen);
  const outcomes = OUTCOMES.map((outcome) => ({ key: outcome, name: t(`outcome.${outcome}`) }));
  const marks: Mark[] = report.revisionChanges.map((change) => ({
    day: change.day,
    label: t('revisions.mark', { revision: change.revision }),
  }));
  const markNote = marks.length ? t('revisions.marked') : '';
  const total = OUTCOMES.reduce((sum, outcome) => sum + report.decisions[outcome].reduce((a, b) => a + b, 0), 0);
  const withdrawals = report.withdrawals.reduce((a, b) => a + b, 0);
  const purposes = Object.keys(report.purposes).filter((purpose) => purpose !== 'necessary');
  const splitRows = (splits: Report['byLanguage'], name: (key: string) => string) =>
    splits.map((split) => ({
      key: split.key,
      name: name(split.key),
      parts: OUTCOMES.map((outcome) => ({ key: outcome, name: t(`outcome.${outcome}`), value: split[outcome] })),
    }));

  const shopName = (shop: string) => (shop === '' ? t('filters.unnamed') : shop);
  const shopOptions = [
    `<option value=""${view.shop === null ? ' selected' : ''}>${esc(t('filters.allShops'))}</option>`,
    ...view.shops.map(
      (shop) =>
        `<option value="${esc(shop === '' ? '(none)' : shop)}"${view.shop === shop ? ' selected' : ''}>${esc(shopName(shop))}</option>`,
    ),
  ].join('');
  const periodOptions = (['7', '30', '90', 'custom'] as const)
    .map(
      (choice) =>
        `<option value="${choice}"${view.period.choice === choice ? ' selected' : ''}>${esc(t(choice === 'custom' ? 'filters.custom' : `filters.last${choice}`))}</option>`,
    )
    .join('');

  const body = `<a class="skip" href="#summary">${esc(t('skip'))}</a>
<header class="top">
<p class="brand">${esc(t('title'))}</p>
${languageLinks(view, (code) => `/dashboard?${query({ ...view, lang: code })}`, t)}
<form method="post" action="/dashboard/sign-out" class="sign-out">
<input type="hidden" name="lang" value="${lang}">
<button type="submit">${esc(t('signOut'))}</button>
</form>
</header>
<main id="main">
<h1>${esc(t('title'))}${view.shop !== null ? `: ${esc(shopName(view.shop))}` : ''}</h1>
<form method="get" action="/dashboard" class="filters">
<input type="hidden" name="lang" value="${lang}">
<fieldset>
<legend>${esc(t('filters.heading'))}</legend>
<div class="field"><label for="shop">${esc(t('filters.shop'))}</label><select id="shop" name="shop">${shopOptions}</select></div>
<div class="field"><label for="period">${esc(t('filters.period'))}</label><select id="period" name="period">${periodOptions}</select></div>
<div class="field"><label for="from">${esc(t('filters.from'))}</label><input id="from" name="from" type="date" value="${view.period.from}"></div>
<div class="field"><label for="to">${esc(t('filters.to'))}</label><input id="to" name="to" type="date" value="${view.period.to}"></div>
<button type="submit">${esc(t('filters.show'))}</button>
</fieldset>
</form>
${notice ? `<p class="alert" role="alert">${esc(notice)}</p>` : ''}
<p id="summary" class="summary" tabindex="-1">${esc(
    t('summary', {
      from: report.from,
      to: report.to,
      decisions: format.count(total),
      withdrawals: format.count(withdrawals),
    }),
  )}${total === 0 ? ` ${esc(t('empty'))}` : ''}</p>
${section(
  'decisions',
  t('decisions.heading'),
  t('decisions.caption'),
  stackedBars({
    id: 'decisions-caption',
    days: report.days,
    series: outcomes.map((outcome) => ({ ...outcome, values: report.decisions[outcome.key] })),
    marks,
    format: format.count,
  }),
  legend(outcomes),
  tableHtml(tables.decisions, view, t),
  markNote,
)}
${section(
  'purposes',
  t('purposes.heading'),
  t('purposes.caption'),
  shareLines({
    id: 'purposes-caption',
    days: report.days,
    series: purposes.map((purpose) => ({
      key: purpose,
      name: purposeName(lang, purpose),
      values: report.purposes[purpose].granted,
      counts: report.days.map((_, index) => ({
        part: report.purposes[purpose].granted[index],
        whole: report.purposes[purpose].asked[index],
      })),
    })),
    marks,
    percent: format.percent,
  }),
  legend(
    purposes.map((purpose) => ({ key: purpose, name: purposeName(lang, purpose) })),
    true,
  ),
  tableHtml(tables.purposes, view, t),
  markNote,
)}
${section(
  'languages',
  t('languages.heading'),
  t('languages.caption'),
  shareBars({
    id: 'languages-caption',
    rows: splitRows(report.byLanguage, (code) => languageName(lang, code)),
    percent: format.percent,
  }),
  legend(outcomes),
  tableHtml(tables.languages, view, t),
)}
${section(
  'revisions',
  t('revisions.heading'),
  t('revisions.caption'),
  shareBars({
    id: 'revisions-caption',
    rows: splitRows(report.byRevision, (key) => key),
    percent: format.percent,
  }),
  legend(outcomes),
  tableHtml(tables.revisions, view, t),
)}
${section(
  'withdrawals',
  t('withdrawals.heading'),
  t('withdrawals.caption'),
  stackedBars({
    id: 'withdrawals-caption',
    days: report.days,
    series: [{ key: 'withdrawn', name: t('columns.withdrawals'), values: report.withdrawals }],
    marks,
    format: format.count,
  }),
  '',
  tableHtml(tables.withdrawals, view, t),
  markNote,
)}
</main>`;
  return shell(lang, `${t('title')}${view.shop !== null ? ` · ${view.shop}` : ''}`, body);
};
