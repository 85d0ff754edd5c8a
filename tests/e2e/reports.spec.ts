import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CEO, signIn } from './helpers';

const SCREENS = 'test-results/screens';

interface ReportJob {
  id: number;
  status: string;
  filename: string | null;
  summary: { scopeLabel?: string; asOf?: string };
}

async function generate(page: Page, button: RegExp) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/reports') && r.request().method() === 'POST'),
    page.getByRole('button', { name: button }).click(),
  ]);
  expect(response.status()).toBe(202);
  const { report } = (await response.json()) as { report: ReportJob };
  const link = page.getByTestId(`report-${report.id}`).getByRole('link', { name: /Download/ });
  await expect(link).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = await download.path();
  return { download, bytes: fs.readFileSync(file), id: report.id };
}

test.describe('reports', () => {
  test('a leader generates a PDF pack, waits for it and downloads it', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, 'leader');
    await page.goto('/reports');
    await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Include person-level pages')).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/reports-leader-1280.png`, fullPage: true });
    const { download, bytes, id } = await generate(page, /Generate PDF pack/);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
    const list = (await (await page.request.get('/api/reports')).json()) as { reports: ReportJob[] };
    const job = list.reports.find((r) => r.id === id);
    expect(job?.status).toBe('done');
    expect(job?.filename).toBe(download.suggestedFilename());
    // The cover names the leader's subtree (not just "Organisation"), with the person's name.
    expect(job?.summary.scopeLabel).toMatch(new RegExp(`^Subtree of \\S.* \\(${DEMO_CEO}\\), your scope$`));
    if (spawnSync('pdftotext', ['-v']).error === undefined) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'strata-pack-')), 'pack.pdf');
      fs.writeFileSync(file, bytes);
      const cover = execFileSync('pdftotext', ['-l', '1', '-layout', file, '-'], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      expect(cover[cover.indexOf('Planning review') + 1]).toBe(job?.summary.scopeLabel);
    }
    // the pack is for the same snapshot the dashboards show by default
    const overview = (await (await page.request.get('/api/metrics/overview')).json()) as { asOf: string };
    expect(job?.summary.asOf).toBe(overview.asOf);
    await page.screenshot({ path: `${SCREENS}/reports-leader-done-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENS}/reports-leader-390.png`, fullPage: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
  });

  test('hr exports one table as CSV and the whole report as XLSX', async ({ page }) => {
    await signIn(page, 'hr');
    await page.goto('/reports');
    await page.getByLabel('CSV table').check();
    await page.getByLabel('Table', { exact: true }).selectOption('structure-pyramid');
    const csv = await generate(page, /Generate CSV table/);
    expect(csv.download.suggestedFilename()).toMatch(/structure-pyramid\.csv$/);
    expect(csv.bytes.toString().split('\r\n')[0]).toBe(
      'Layer,Headcount,Executives,Managers of managers,Managers of ICs,ICs',
    );
    await page.getByLabel('XLSX workbook').check();
    const xlsx = await generate(page, /Generate XLSX workbook/);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  });

  test('hr adds a stored scenario to the PDF pack; a leader is not offered scenarios outside their subtree', async ({
    page,
    browser,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, 'hr');
    await page.goto('/reports');
    const scenarios = page.getByRole('group', { name: /Scenarios/ });
    await expect(scenarios).toBeVisible();
    await scenarios.getByLabel(/E2E plan/).check();
    await page.screenshot({ path: `${SCREENS}/reports-scenario-hr-1280.png`, fullPage: true });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    const pdf = await generate(page, /Generate PDF pack/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    fs.writeFileSync(`${SCREENS}/reports-scenario.pdf`, pdf.bytes);
    const job = (await (await page.request.get(`/api/reports/${pdf.id}`)).json()) as {
      report: ReportJob & { summary: { sections?: string[] } };
    };
    expect(job.report.summary.sections).toContain('Scenario: E2E plan');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENS}/reports-scenario-hr-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The CLI's scenario covers the whole organisation: not one a leader may include.
    const leader = await browser.newPage();
    await signIn(leader, 'leader');
    await leader.goto('/reports');
    await expect(leader.getByRole('button', { name: /Generate PDF pack/ })).toBeVisible();
    await expect(leader.getByLabel(/E2E plan/)).toHaveCount(0);
    await leader.close();
  });

  test('a viewer is not offered person-level pages and the API refuses them', async ({ page, browser }) => {
    await signIn(page, 'viewer');
    await page.goto('/reports');
    await expect(page.getByRole('button', { name: /Generate PDF pack/ })).toBeVisible();
    await expect(page.getByLabel('Include person-level pages')).toHaveCount(0);
    const refused = await page.request.post('/api/reports', { data: { format: 'pdf', includePeople: true } });
    expect(refused.status()).toBe(403);
    const started = await page.request.post('/api/reports', {
      data: { format: 'csv', table: 'overview-kpis' },
    });
    expect(started.status()).toBe(202);
    const { report } = (await started.json()) as { report: ReportJob };
    await expect
      .poll(
        async () =>
          ((await (await page.request.get(`/api/reports/${report.id}`)).json()) as { report: ReportJob })
            .report.status,
      )
      .toBe('done');
    // another user cannot fetch it
    const other = await browser.newPage();
    await signIn(other, 'leader');
    expect((await other.request.get(`/api/reports/${report.id}/file`)).status()).toBe(404);
    await other.close();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENS}/reports-viewer-390.png`, fullPage: true });
  });

  test('any dashboard chart downloads as SVG and PNG', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, 'admin');
    await page.goto('/overview');
    const svgButton = page.getByRole('button', { name: 'Download Spans of control as an SVG image' });
    await expect(svgButton).toBeVisible();
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), svgButton.click()]);
    expect(svgDownload.suggestedFilename()).toMatch(/^spans-.*\.svg$/);
    const svg = fs.readFileSync(await svgDownload.path()).toString();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Spans of control');
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toMatch(/<path[^>]+style="[^"]*fill:/);
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Layer pyramid as a PNG image' }).click(),
    ]);
    expect(pngDownload.suggestedFilename()).toMatch(/^pyramid-.*\.png$/);
    await pngDownload.saveAs(`${SCREENS}/chart-pyramid.png`);
    await svgDownload.saveAs(`${SCREENS}/chart-spans.svg`);
    const png = fs.readFileSync(await pngDownload.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5_000);
    // 2x: the PNG is twice the chart's on-screen width
    const width = png.readUInt32BE(16);
    const onScreen = await page
      .locator('section.chart-card', { hasText: 'Layer pyramid' })
      .locator('.recharts-wrapper > svg')
      .evaluate((el) => Math.round(el.getBoundingClientRect().width));
    expect(width).toBe(onScreen * 2);
  });
});
