import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Helpers the dialog specs share: what axe finds, and waiting until the dialog stands still. */

/** Resolves once the dialog's entry animation is over, so what is checked is what a visitor reads. */
export const dialogAtRest = async (page: Page) => {
  await page.waitForFunction(() => {
    const root = document.getElementById('shopconsent-root')?.shadowRoot;
    return !!root?.querySelector('[data-layer]') && root.getAnimations().every((a) => a.playState !== 'running');
  });
};

export interface AxeFindings {
  violations: string[];
  /** Rules that passed, with how many nodes inside the shadow root each one checked. */
  passes: Record<string, number>;
}

/**
 * Runs every axe rule (none disabled) on `#shopconsent-root` and, through it, on its open shadow
 * root. A violation reads "rule: selector of each node".
 */
export const axe = async (page: Page): Promise<AxeFindings> => {
  await dialogAtRest(page);
  const results = await new AxeBuilder({ page }).include('#shopconsent-root').analyze();
  const inShadow = (target: unknown) => Array.isArray(target) && Array.isArray(target[0]);
  return {
    violations: results.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')} (${v.help})`,
    ),
    passes: Object.fromEntries(
      results.passes.map((p) => [p.id, p.nodes.filter((n) => inShadow(n.target)).length] as const),
    ),
  };
};

/** No violation, and axe really looked inside the shadow root: these rules checked nodes there. */
export const expectNoAxeViolations = (findings: AxeFindings, rules: string[]) => {
  expect(findings.violations).toEqual([]);
  for (const rule of rules) expect(findings.passes[rule] ?? 0, `axe checked ${rule} in the dialog`).toBeGreaterThan(0);
};
