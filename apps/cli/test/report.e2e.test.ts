/**
 * The HTML report as a person sees it: rendered by headless Chromium
 * (Debian's `chromium`, driven by playwright-core), opened from the file the
 * command wrote. Fails, never skips, when the browser is missing: `npm test`
 * installs it first (scripts/ensure-chromium.mjs).
 *
 * Screenshots of both reports are written for review on every run, to
 * `trustlint-report-screenshots` in the system's temporary folder (or the
 * folder TRUSTLINT_SCREENSHOT_DIR names), and kept there;
 * TRUSTLINT_UPDATE_SCREENSHOT=1 also rewrites the README's image,
 * docs/images/report.png (`npm run screenshot`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY, run, TODAY } from './helpers.js';

const CHROMIUM = process.env.TRUSTLINT_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const FIXTURE = join(REPOSITORY, 'apps/cli/test/fixtures/report');
const HOSTILE = '<img src=x onerror=alert(1)><script>window.pwned=1</script>';
const README_IMAGE = join(REPOSITORY, 'docs/images/report.png');
const UPDATE_IMAGE = process.env.TRUSTLINT_UPDATE_SCREENSHOT === '1';
const SCREENSHOTS = process.env.TRUSTLINT_SCREENSHOT_DIR || join(tmpdir(), 'trustlint-report-screenshots');
/** Every wait of a test is bounded by this. */
const WAIT_MS = 10_000;

let browser: BrowserContext | undefined;
let userDataDir: string | undefined;
let out = '';

/** The page of a report, loaded from its file, with every request, console error and dialog recorded. */
interface Opened {
  page: Page;
  url: string;
  requests: string[];
  problems: string[];
}

async function open(file: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  if (browser === undefined) throw new Error('The browser did not start.');
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  page.setDefaultTimeout(WAIT_MS);
  page.setDefaultNavigationTimeout(WAIT_MS);
  const opened: Opened = { page, url: pathToFileURL(file).href, requests: [], problems: [] };
  page.on('request', (request) => opened.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') opened.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => opened.problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    opened.problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(opened.url, { waitUntil: 'load' });
  return opened;
}

/** The row of the controls table whose title is `title`. */
function controlRow(page: Page, title: string) {
  return page.locator('#controls-table tr.control').filter({ has: page.getByRole('cell', { name: title, exact: true }) });
}

async function report(dir: string, name: string): Promise<string> {
  const file = join(out, name);
  const result = await run(['report', dir, '--today', TODAY, '--output', file]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return file;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}; the HTML report's end-to-end test needs it. Run \`node scripts/ensure-chromium.mjs\` (as root it installs Debian's chromium with apt-get; \`npm test\` runs it first), or set TRUSTLINT_CHROMIUM to a Chromium or Chrome executable.`,
    );
  }
  out = mkdtempSync(join(tmpdir(), 'trustlint-report-e2e-'));
  userDataDir = mkdtempSync(join(tmpdir(), 'trustlint-chromium-'));
  // A fresh profile in a folder of its own, removed afterwards.
  browser = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const dir of [userDataDir, out]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the HTML report in a browser: the sample program', () => {
  let opened: Opened;

  beforeAll(async () => {
    opened = await open(await report(join(REPOSITORY, 'policies'), 'sample.html'));
  }, 30_000);

  it('has one matrix row per in-scope criterion of each framework, each with its state in words', async () => {
    const rows = opened.page.locator('#matrix-soc2 tr.criterion');
    expect(await rows.count()).toBe(38);
    const states = await rows.locator('td:first-child').allInnerTexts();
    expect(new Set(states)).toEqual(new Set(['✔ covered']));
    const annexA = opened.page.locator('#matrix-iso27001 tr.criterion');
    expect(await annexA.count()).toBe(93);
    expect(new Set(await annexA.locator('td:first-child').allInnerTexts())).toEqual(new Set(['✔ covered', '– excluded']));
    expect(await opened.page.locator('.cards li strong').allInnerTexts()).toEqual(
      expect.arrayContaining(['SOC 2: 38/38 criteria covered', 'ISO/IEC 27001: 89/89 criteria covered']),
    );
    expect(await opened.page.locator('#matrix-soc2 tbody.category > tr:first-child th[scope=rowgroup]').allInnerTexts()).toEqual([
      'Security · 33/33 covered',
      'Availability · 3/3 covered',
      'Confidentiality · 2/2 covered',
    ]);
    expect(await opened.page.locator('h1').innerText()).toBe('Northwind Ledger');
  });

  it('shows every control with its evidence over the observation period, and every policy', async () => {
    expect(await opened.page.locator('#controls-table tbody tr.control').count()).toBe(59);
    const ac01 = controlRow(opened.page, 'Quarterly user access review');
    expect(await ac01.locator('th').innerText()).toBe('AC-01\npolicies/controls/access/AC-01.yaml:1');
    // Each period: its symbol and label on screen, and its state in words for screen readers.
    expect(await ac01.locator('.timeline li').allTextContents()).toEqual(['✔ 2026-Q2: covered', '✔ 2026-Q3: covered']);
    expect(await opened.page.locator('#policies-table tbody tr').count()).toBe(16);
    await expect.poll(() => opened.page.locator('#findings').innerText()).toContain('No findings.');
  });

  it('loads nothing from anywhere and raises no error', () => {
    expect(opened.requests).toEqual([opened.url]);
    expect(opened.problems).toEqual([]);
  });

  it('writes a screenshot for review', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, 'sample.png');
    await opened.page.screenshot({ path, fullPage: true, timeout: WAIT_MS });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    if (UPDATE_IMAGE) {
      const small = await open(join(out, 'sample.html'), { width: 1100, height: 1100 });
      writeFileSync(README_IMAGE, await small.page.screenshot({ timeout: WAIT_MS }));
      await small.page.close();
    }
    // The README shows it: it must exist, and stay small.
    expect(readFileSync(README_IMAGE).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(README_IMAGE).size).toBeLessThan(300_000);
  });
});

describe('the HTML report in a browser: a program with gaps and a hostile policy title', () => {
  let opened: Opened;
  let page: Page;

  beforeAll(async () => {
    opened = await open(await report(FIXTURE, 'fixture.html'));
    page = opened.page;
  }, 30_000);

  const findingRows = () => page.locator('#findings-table tbody tr.finding');
  async function visibleFindings(): Promise<string[]> {
    const rows = await findingRows().all();
    const shown: string[] = [];
    for (const row of rows) {
      if (await row.isVisible()) shown.push(`${await row.getAttribute('data-severity') ?? ''} ${await row.getAttribute('data-rule') ?? ''}`);
    }
    return shown;
  }

  it('has one matrix row per in-scope criterion', async () => {
    expect(await page.locator('#matrix-soc2 tr.criterion').count()).toBe(36);
  });

  it('marks the uncovered criterion with a visible label, first in its category', async () => {
    const first = page.locator('#matrix-soc2 tbody[data-category="security"] tr.criterion').first();
    expect(await first.locator('th[scope=row]').innerText()).toBe('CC6.6');
    const label = first.locator('td').first();
    expect(await label.isVisible()).toBe(true);
    expect(await label.innerText()).toBe('✖ uncovered');
    expect(await first.locator('td').last().innerText()).toBe('no control');
    // Not colour alone: the word is there in the page's text, not only in a style.
    const box = await label.boundingBox();
    expect(box?.width).toBeGreaterThan(40);
  });

  it('shows the hostile policy title as text and runs none of it', async () => {
    const title = page.locator('#policies-table tr.policy td', { hasText: 'Access Control Policy' });
    expect(await title.innerText()).toBe(`Access Control Policy ${HOSTILE}`);
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(opened.problems).toEqual([]);
  });

  it('filters the findings by severity and by rule, and shows them all again', async () => {
    const count = page.locator('#findings-count');
    const all = ['error evidence-missing', 'error evidence-missing', 'warning review-overdue', 'info soc2-certification-language', 'error uncovered-criterion'];
    expect(await page.locator('#filters').isVisible()).toBe(true);
    expect(await visibleFindings()).toEqual(all);

    await page.getByLabel(/error \(3\)/).uncheck();
    expect(await visibleFindings()).toEqual(['warning review-overdue', 'info soc2-certification-language']);
    expect(await count.innerText()).toBe('Showing 2 of 5 findings.');

    await page.getByLabel(/error \(3\)/).check();
    await page.getByLabel('Rule', { exact: true }).selectOption('evidence-missing');
    expect(await visibleFindings()).toEqual(['error evidence-missing', 'error evidence-missing']);

    await page.getByLabel(/error \(3\)/).uncheck();
    expect(await visibleFindings()).toEqual([]);
    expect(await count.innerText()).toBe('Showing 0 of 5 findings.');

    await page.getByLabel('Rule', { exact: true }).selectOption('review-overdue');
    await page.getByLabel(/error \(3\)/).check();
    expect(await visibleFindings()).toEqual(['warning review-overdue']);

    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(visibleFindings, { timeout: WAIT_MS }).toEqual(all);
    expect(await count.innerText()).toBe('Showing 5 of 5 findings.');
  });

  it('links each finding to its rule docs', async () => {
    const anchors = await page.locator('#findings-table tbody a').all();
    expect(anchors).toHaveLength(5);
    const links = await Promise.all(anchors.map((anchor) => anchor.getAttribute('href')));
    for (const link of links) expect(link).toMatch(/^https:\/\/github\.com\/trustlint\/trustlint\/blob\/main\/packages\/rules\/docs\/[a-z0-9-]+\.md$/);
  });

  it('shows missing and not-yet-due evidence periods of a control by symbol and label', async () => {
    const ops = controlRow(page, 'Monitoring, incident response and change review');
    expect(await ops.getAttribute('data-evidence')).toBe('missing');
    expect(await ops.locator('.timeline li').allTextContents()).toEqual([
      '✔ 2026-04: covered',
      '✔ 2026-05: covered',
      '✔ 2026-06: covered',
      '✖ 2026-07: missing',
      '✔ 2026-08: covered',
      '✔ 2026-09: covered',
      '✔ 2026-10: covered',
      '◷ 2026-11: not yet due',
      '◷ 2026-12: not yet due',
    ]);
    expect(await ops.locator('td').nth(4).innerText()).toContain('✖ gaps 6 of 9 months covered, 1 missing, 2 not yet due.');
    // Controls with missing evidence come first.
    const controls = await page.locator('#controls-table tr.control th[scope=row]').allInnerTexts();
    expect(controls.map((text) => text.split('\n')[0])).toEqual([
      'AC-01',
      'OPS-01',
      'BCP-01',
      'GOV-01',
    ]);
  });

  it('prints every section and every finding, without the filters', async () => {
    await page.getByLabel(/warning \(1\)/).uncheck();
    expect(await visibleFindings()).not.toContain('warning review-overdue');
    await page.emulateMedia({ media: 'print' });
    try {
      for (const section of ['header', '#coverage', '#controls', '#policies', '#findings']) {
        expect(await page.locator(section).isVisible(), section).toBe(true);
      }
      expect(await page.locator('#filters').isVisible()).toBe(false);
      expect(await page.locator('nav').isVisible()).toBe(false);
      expect(await visibleFindings()).toHaveLength(5);
      expect(await page.evaluate("getComputedStyle(document.getElementById('policies')).breakBefore")).toBe('page');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.getByLabel(/warning \(1\)/).check();
    }
  });

  it('loads nothing from anywhere, and writes a screenshot for review', async () => {
    expect(opened.requests).toEqual([opened.url]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'gaps.png'), fullPage: true, timeout: WAIT_MS });
  });
});
