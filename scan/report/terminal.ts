import type { Lang } from '../widget';
import { reportTexts } from './i18n';
import type { ScanReport } from './model';

/** The lines printed when a scan ends: the verdict, the counts, one line per violation, where the report is. */
export const terminalSummary = (report: ScanReport, lang: Lang, out: string): string => {
  const t = reportTexts(lang);
  const { summary } = report;
  const lines = [
    t(summary.violations ? 'verdictViolations' : 'verdictClean'),
    `${t('countViolations')}: ${summary.violations} · ${t('countPages')}: ${summary.pages} · ${t('countItems')}: ${
      summary.items
    } · ${t('countUnclassified')}: ${summary.unclassified} · ${t('countMisconfigurations')}: ${summary.misconfigurations}`,
    ...report.violations.map(
      (violation) =>
        `  ✗ ${violation.name} (${violation.purpose}, ${violation.passes.join(', ')}) ${violation.page}${
          violation.cause ? ` ← ${'url' in violation.cause ? violation.cause.url : violation.cause.page}` : ''
        }`,
    ),
    `→ ${out}/index.html, ${out}/scan.json`,
  ];
  return `${lines.join('\n')}\n`;
};
