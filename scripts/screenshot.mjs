// Dev helper: sign in as a demo role and screenshot a page.
// node scripts/screenshot.mjs ROLE PATH OUT.png [WIDTHxHEIGHT]   (BASE_URL, default http://localhost:3000;
// demo logins from $STRATA_DATA_DIR/demo-logins.json)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
const [role, path, out, size = '1280x800'] = process.argv.slice(2);
const [w, h] = size.split('x').map(Number);
const base = process.env.BASE_URL ?? 'http://localhost:3000';
const logins = JSON.parse(
  fs.readFileSync(`${process.env.STRATA_DATA_DIR ?? '.data'}/demo-logins.json`, 'utf8'),
);
const login = logins.find((l) => l.role === role);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
const page = await browser.newPage({ viewport: { width: w, height: h } });
page.on('console', (m) => {
  if (m.type() === 'error') console.error('console:', m.text());
});
await page.goto(`${base}/login`);
await page.getByLabel('Email').fill(login.email);
await page.getByLabel('Password').fill(login.password);
await page.getByRole('button', { name: 'Sign in', exact: true }).click();
await page.waitForSelector('[data-testid=current-role]');
const t0 = Date.now();
await page.goto(base + path);
await page.waitForLoadState('networkidle');
console.log('loaded in', Date.now() - t0, 'ms');
await page.screenshot({ path: out, fullPage: process.env.FULL !== '0' });
await browser.close();
