import { describe, expect, it } from 'vitest';
import { renderHtml } from './html';
import type { ScanReport } from './model';

const report: ScanReport = {
  format: 1,
  url: 'http://shop.test/',
  lang: 'vi',
  startedAt: '2026-12-05T19:00:00.000Z',
  durationMs: 1000,
  pages: ['http://shop.test/'],
  summary: { pages: 1, violations: 1, items: 1, unclassified: 0, misconfigurations: 0 },
  violations: [
    {
      kind: 'cookie',
      name: '<img src=x onerror=alert(1)>',
      where: 'shop.test',
      purpose: 'analytics',
      platform: 'X',
      passes: ['before-decision'],
      page: 'http://shop.test/',
      cause: { kind: 'script', url: 'http://shop.test/a.js?"><b>' },
    },
  ],
  items: [],
  misconfigurations: [],
  suggestion: { purposes: [], gate: [], snippet: '<script>\n</script>' },
  errors: [],
};

describe('renderHtml', () => {
  const html = renderHtml(report, 'vi');

  it('is in the report language, verdict first', () => {
    expect(html).toContain('<html lang="vi"');
    expect(html.indexOf('Có theo dõi khi chưa có sự đồng ý')).toBeLessThan(html.indexOf('Vi phạm</h2>'));
  });

  it('shows names and addresses from the shop as text, never as markup', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('"><b>');
  });
});
