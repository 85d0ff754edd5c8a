import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { navFor } from '../../lib/nav';
import { REAL_ORG, REAL_USERS, signIn, type E2eRole } from './helpers';

/**
 * Issue #16 "Done when": every page, for each role, at 1280x800 and 390x844, on the demo company
 * and on one real organisation (the Home Office's published organograms, imported by
 * scripts/e2e-server.mjs from ../shared/data), screenshotted into test-results/screens/all/ to be
 * looked at; and on each page the checks a reader would make at a glance: nothing reads
 * "undefined", "NaN" or "[object Object]", no ISO date, no page wider than the screen, nothing
 * still loading.
 */

const OUT = 'test-results/screens/all';
const REAL_DATA = path.resolve(process.cwd(), '../shared/data/ukgov-organograms-datagovuk/home_office');
const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '390', width: 390, height: 844 },
] as const;
const ROLES = ['admin', 'hr', 'leader', 'viewer'] as const satisfies readonly E2eRole[];
/** An ISO calendar date as text (not part of a file name such as org-2026-01-31.csv). */
const ISO_DAY = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-]|\.\w)/;
const BROKEN = /\bundefined\b|\bNaN\b|\[object Object\]|\bnull\b/;

async function orgIdOf(page: Page, name: string): Promise<number | null> {
  const body = (await (await page.request.get('/api/organisations')).json()) as {
    organisations: Array<{ id: number; name: string }>;
  };
  return body.organisations.find((o) => o.name === name)?.id ?? null;
}

/** Opens each page of the role's navigation, checks what reads wrong, and screenshots it. */
async function visitAll(page: Page, prefix: string, role: E2eRole, query: string): Promise<string[]> {
  const problems: string[] = [];
  for (const item of navFor(role)) {
    await page.goto(`${item.href}${query}`);
    await expect(page.locator('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main .skeleton')).toHaveCount(0, { timeout: 30_000 });
    const text = await page.locator('main').innerText();
    for (const line of text.split('\n')) {
      if (ISO_DAY.test(line)) problems.push(`${item.href}: ISO date: ${line.slice(0, 140)}`);
      if (BROKEN.test(line)) problems.push(`${item.href}: broken text: ${line.slice(0, 140)}`);
    }
    const wider = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (wider > 1) problems.push(`${item.href}: page ${wider}px wider than the screen`);
    await page.screenshot({ path: `${OUT}/${prefix}-${item.href.slice(1)}.png`, fullPage: true });
  }
  return problems;
}

test.describe('every page x role x size, screenshotted and read', () => {
  test.setTimeout(600_000);
  for (const size of SIZES)
    for (const role of ROLES) {
      test(`demo company: ${role} at ${size.name}`, async ({ page }) => {
        fs.mkdirSync(OUT, { recursive: true });
        await page.setViewportSize({ width: size.width, height: size.height });
        await signIn(page, role);
        expect(await visitAll(page, `demo-${role}-${size.name}`, role, '')).toEqual([]);
      });

      test(`real organisation (${REAL_ORG} organograms): ${role} at ${size.name}`, async ({ page }) => {
        test.skip(
          !fs.existsSync(REAL_DATA),
          `the published organograms are not at ${REAL_DATA}: the real-organisation screens are skipped`,
        );
        fs.mkdirSync(OUT, { recursive: true });
        await page.setViewportSize({ width: size.width, height: size.height });
        await signIn(page, role, REAL_USERS);
        const id = await orgIdOf(page, REAL_ORG);
        expect(id, `${REAL_ORG} was not imported by scripts/e2e-server.mjs`).not.toBeNull();
        // the admin sees every organisation and picks this one; the others were given only it
        const query = role === 'admin' ? `?org=${id}` : '';
        expect(await visitAll(page, `real-${role}-${size.name}`, role, query)).toEqual([]);
      });
    }
});
