import type { TFunction } from 'i18next';
import { OUTCOMES, type Report, type Split } from '../stats/report';
import { type Language, languageName, purposeName } from './i18n';

/** A cell: a count, a share (part of whole), or text. */
export type Cell = { count: number } | { part: number; whole: number } | { text: string };

export interface Table {
  id: TableId;
  name: string;
  head: string[];
  rows: Cell[][];
}

export const TABLES = ['decisions', 'purposes', 'languages', 'revisions', 'withdrawals'] as const;
export type TableId = (typeof TABLES)[number];

const splitRows = (splits: Split[], purposes: string[], first: (split: Split) => Cell[]): Cell[][] =>
  splits.map((split) => [
    ...first(split),
    { count: split.decisions },
    ...OUTCOMES.map((outcome) => ({ count: split[outcome] })),
    { count: split.withdrawals },
    ...purposes.map((purpose) => ({
      part: split.purposes[purpose]?.granted ?? 0,
      whole: split.purposes[purpose]?.asked ?? 0,
    })),
  ]);

/** The figures behind each chart, the same for the page's tables and the CSV downloads. */
export const tablesOf = (report: Report, lang: Language, t: TFunction, firstSeen: Map<string, string>) => {
  const purposes = Object.keys(report.purposes);
  const purposeNames = purposes.map((purpose) => purposeName(lang, purpose));
  const outcomes = OUTCOMES.map((outcome) => t(`outcome.${outcome}`));
  const splitHead = [t('columns.decisions'), ...outcomes, t('columns.withdrawals'), ...purposeNames];
  const tables: Record<TableId, Table> = {
    decisions: {
      id: 'decisions',
      name: t('decisions.heading'),
      head: [t('columns.day'), ...outcomes, t('columns.decisions')],
      rows: report.days.map((day, index) => [
        { text: day },
        ...OUTCOMES.map((outcome) => ({ count: report.decisions[outcome][index] })),
        { count: OUTCOMES.reduce((sum, outcome) => sum + report.decisions[outcome][index], 0) },
      ]),
    },
    purposes: {
      id: 'purposes',
      name: t('purposes.heading'),
      head: [t('columns.day'), ...purposeNames],
      rows: report.days.map((day, index) => [
        { text: day },
        ...purposes.map((purpose) => ({
          part: report.purposes[purpose].granted[index],
          whole: report.purposes[purpose].asked[index],
        })),
      ]),
    },
    languages: {
      id: 'languages',
      name: t('languages.heading'),
      head: [t('columns.language'), ...splitHead],
      rows: splitRows(report.byLanguage, purposes, (split) => [{ text: languageName(lang, split.key) }]),
    },
    revisions: {
      id: 'revisions',
      name: t('revisions.heading'),
      head: [t('columns.revision'), t('columns.firstSeen'), ...splitHead],
      rows: splitRows(report.byRevision, purposes, (split) => [
        { text: split.key },
        { text: firstSeen.get(split.key) ?? '' },
      ]),
    },
    withdrawals: {
      id: 'withdrawals',
      name: t('withdrawals.heading'),
      head: [t('columns.day'), t('columns.withdrawals')],
      rows: report.days.map((day, index) => [{ text: day }, { count: report.withdrawals[index] }]),
    },
  };
  return tables;
};

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * RFC 4180 with a header row. Counts as integers; a share as a percentage with one decimal (empty when
 * nothing was asked), so that a spreadsheet reads it as a number whatever its locale's decimal sign.
 */
export const toCsv = (table: Table) =>
  [
    table.head,
    ...table.rows.map((row) =>
      row.map((cell) =>
        'count' in cell
          ? String(cell.count)
          : 'part' in cell
            ? cell.whole === 0
              ? ''
              : (Math.round((cell.part / cell.whole) * 1000) / 10).toFixed(1)
            : // A spreadsheet would run a revision named "=1+1" as a formula.
              cell.text.replace(/^[=+\-@]/, "'$&"),
      ),
    ),
  ]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
