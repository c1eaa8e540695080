/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core (never Playwright's own download),
 * against a server on 127.0.0.1 with a fresh store holding the seed article. Screenshots of every view at 1280 and
 * 390 px go to test-output/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../src/api/serve.js';
import { SqliteStore } from '../src/store/sqlite/index.js';
import { model } from './helpers.js';
import { imported } from './store.contract.js';
import { zip } from './zip.js';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join(ROOT, 'test-output');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const WIDTHS = [1280, 390] as const;

let server: Running;
let browser: Browser;
let db: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('the dashboard is not built: run `npm run build:web` (npm test does)');
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  mkdirSync(OUT, { recursive: true });
  db = join(mkdtempSync(join(tmpdir(), 'entente-e2e-')), 'e2e.db');
  server = await startServer({ port: 0, db, model: model(), log: () => undefined });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page at each width, failing the test on any uncaught page error. */
async function each(fn: (page: Page, width: number) => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    const page = await browser.newPage({ viewport: { width, height: width > 800 ? 900 : 844 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await fn(page, width);
    } finally {
      await page.close();
    }
    expect(errors).toEqual([]);
  }
}

/** The whole page, and on a phone also the screen as it is seen (a full page there is very tall). */
async function shot(page: Page, name: string, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(width);
  await page.screenshot({ path: join(OUT, `${name}-${width}.png`), fullPage: true });
  if (width < 800) await page.screenshot({ path: join(OUT, `${name}-${width}-screen.png`) });
}

describe('dashboard (chromium)', () => {
  it('a first visit shows the stored seed article coded', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(server.url);
      const card = page.locator('article.card', { hasText: 'Anadolu Agency' }).filter({ hasText: 'SRB → ARM' });
      await expect.poll(() => card.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await page.locator('article.card').count()).toBe(15);
      await page.screenshot({ path: join(OUT, 'first-visit-1280.png') });
    } finally {
      await page.close();
    }
  });

  it('Read: pasting the seed article shows an AID card SRB → ARM claimed by Anadolu Agency; its button shows the sentence', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(ROOT, 'examples', 'azerbaijan-serbia-partnership.txt'), 'utf8');
    await each(async (page, width) => {
      await page.goto(`${server.url}#/read`);
      await page.getByLabel('Article text', { exact: true }).fill(text);
      await page.getByLabel('Publication date').fill('2021-12-01');
      await page.getByRole('button', { name: 'Code events' }).click();
      const card = page.locator('article.card', { hasText: 'Anadolu Agency' }).filter({ hasText: 'SRB → ARM' });
      await expect.poll(() => card.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await expect.poll(() => card.first().locator('.badge').textContent()).toBe('AID');
      await card.first().getByRole('button', { name: /Show the sentence/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/Anadolu Agency reported that Serbia/);
      expect(await page.locator('mark.actor').count()).toBeGreaterThan(10);
      await shot(page, 'read', width);
    });
  });

  it('Relationship: the SRB–AZE chart draws, and choosing a period lists its sentences', async () => {
    await each(async (page, width) => {
      await page.goto(`${server.url}#/relationship?a=SRB&b=AZE&by=year`);
      const canvas = page.locator('.chart canvas').first();
      await canvas.waitFor({ timeout: 15_000 });
      const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
        return n;
      });
      expect(inked).toBeGreaterThan(500);
      await page.locator('button.period-button', { hasText: '2021' }).click();
      await expect.poll(() => page.locator('.period-events blockquote').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await page.locator('.period-events').textContent()).toMatch(/signed an agreement/);
      await shot(page, 'relationship', width);
    });
  });

  it('Partnership test: AZE against ARM, 2020-07-01 to 2021-11-30: BIH held, SRB failed; evidence expands; candidates compare', async () => {
    await each(async (page, width) => {
      await page.goto(`${server.url}#/partnership?focal=AZE&adversary=ARM&from=2020-07-01&to=2021-11-30`);
      const row = (code: string) => page.locator(`tr[data-partner="${code}"]`);
      await row('BIH').waitFor({ timeout: 15_000 });
      expect(await row('BIH').locator('.verdict').textContent()).toBe('held');
      expect(await row('SRB').locator('.verdict').textContent()).toBe('failed');
      await row('SRB').getByRole('button').click();
      await expect.poll(() => page.locator('.evidence-row:not([hidden])').textContent()).toMatch(/Anadolu Agency/);
      // A delivery the article reports twice (alleged, then confirmed) says so on each of its lines.
      expect(await page.locator('.evidence-row:not([hidden])').textContent()).toMatch(/one of 2 reports of this event, from 1 outlet/);
      // Opened, it lists both reports of that delivery, the one shown marked.
      const reports = page.locator('.evidence-row:not([hidden]) details.ev-reports').first();
      await reports.locator('summary').click();
      await expect.poll(() => reports.locator('li.report').count(), { timeout: 10_000 }).toBe(2);
      const listed = await reports.textContent();
      expect(listed).toMatch(/Azerbaijani side \(alleged\)/);
      expect(listed).toMatch(/Serbian officials themselves \(confirmed\)/);
      expect(await reports.locator('li.report.current').count()).toBe(1);
      expect(await page.locator('button.crisis').count()).toBeGreaterThan(0);
      await shot(page, 'partnership', width);
      await page.getByRole('tab', { name: 'Compare candidates' }).click();
      await expect.poll(() => page.locator('table.compare tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await shot(page, 'compare', width);
    });
  });

  it('Events: each real-world event once, with its reports on demand', async () => {
    await each(async (page, width) => {
      // Unfiltered, the most reported come first.
      await page.goto(`${server.url}#/events`);
      await expect.poll(() => page.locator('li.cluster').count(), { timeout: 15_000 }).toBeGreaterThan(5);
      const counts = (await page.locator('li.cluster > details > summary').allTextContents()).map((t) => Number(/^(\d+) reports?/.exec(t)?.[1]));
      expect(counts[0]).toBeGreaterThan(1);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const all = await page.locator('li.cluster').count();
      await page.getByLabel('Actor').fill('SRB');
      await page.getByLabel('Recipient').fill('Armenia');
      await page.getByLabel('Type').selectOption('AID');
      await page.getByRole('button', { name: 'Show' }).click();
      await expect.poll(() => page.locator('li.cluster').count(), { timeout: 15_000 }).toBeLessThan(all);
      expect(page.url()).toMatch(/#\/events\?actor=SRB&recipient=Armenia&type=AID/);
      expect(await page.locator('[role=status]').first().textContent()).toMatch(/^\d+ events?, from \d+ reports\.$/);
      for (const title of await page.locator('li.cluster .card-title').allTextContents()) expect(title).toBe('AID Serbia → Armenia');
      const delivery = page.locator('li.cluster', { hasText: '2 reports from 1 outlet' });
      expect(await delivery.count()).toBe(1);
      // The events shown, and their reports, download as CSV with the same filter.
      const csv = await page.locator('a', { hasText: 'these events (CSV)' }).getAttribute('href');
      expect(csv).toMatch(/^\/api\/export\?actor=SRB&recipient=Armenia&type=AID&order=mentions&what=clusters$/);
      const file = await page.evaluate(async (url) => (await fetch(url)).text(), csv!);
      expect(file.split('\n').filter(Boolean)).toHaveLength(1 + (await page.locator('li.cluster').count()));
      await delivery.locator('summary').click();
      await expect.poll(() => delivery.locator('li.report').count(), { timeout: 10_000 }).toBe(2);
      expect(await delivery.locator('.reports').textContent()).toMatch(/Serbian officials themselves \(confirmed\)/);
      // A report opens in its story at its sentence; the event's two states, in the Relationship view.
      expect(await delivery.locator('.reports a', { hasText: 'read it in its story' }).first().getAttribute('href')).toMatch(/^#\/read\?story=.+&sentence=\d+$/);
      expect(await delivery.locator('a', { hasText: 'Serbia and Armenia over time' }).getAttribute('href')).toBe('#/relationship?a=SRB&b=ARM&by=month');
      await shot(page, 'events', width);
      await page.getByLabel('Actor').fill('Narnia');
      await page.getByRole('button', { name: 'Show' }).click();
      await expect.poll(() => page.locator('.error').textContent(), { timeout: 10_000 }).toMatch(/Narnia/);
    });
  });

  it('Network: a signed graph with nodes and edges', async () => {
    await each(async (page, width) => {
      await page.goto(`${server.url}#/network`);
      await page.locator('.graph canvas').first().waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('table.edges tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('[role=status]').first().textContent()).toMatch(/[1-9]\d* states, [1-9]\d* edges/);
      await page.waitForTimeout(300);
      await shot(page, 'network', width);
    });
  });

  it('Search and Data: hits with marked words; store statistics; an upload with progress', async () => {
    await each(async (page, width) => {
      // A row imported by another process without clustering (`import --no-cluster`); the upload below clusters it.
      const other = new SqliteStore(db);
      other.transaction(() => other.putImported(other.transaction(() => other.beginImport('gdelt', 'x.csv')), [imported(`wait-${width}`)]));
      other.close();
      await page.goto(`${server.url}#/search?q=ammunition`);
      await expect.poll(() => page.locator('.snippet mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await shot(page, 'search', width);
      await page.goto(`${server.url}#/data`);
      await expect.poll(() => page.locator('.stats').textContent(), { timeout: 10_000 }).toMatch(/Stories/);
      await expect(page.locator('.stats').textContent()).resolves.toMatch(/; 1 event waits for clustering \(entente cluster\)/);
      await page.getByLabel('Files', { exact: true }).setInputFiles({ name: `note-${width}.txt`, mimeType: 'text/plain', buffer: Buffer.from('Iran threatened to attack Iraq on 3 May 2020.') });
      await page.getByRole('button', { name: 'Upload' }).click();
      await expect.poll(() => page.locator('.uploads').textContent(), { timeout: 10_000 }).toMatch(/1 new/);
      await expect.poll(() => page.locator('.stats').textContent(), { timeout: 10_000 }).not.toMatch(/wait/);
      // A dataset as downloaded: zipped, two files inside.
      await page.getByLabel('What the files are').selectOption('import');
      const rows = readFileSync(join(ROOT, 'samples', 'gdelt.export.CSV'), 'utf8').split('\n');
      const archive = zip([['one.CSV', rows.slice(0, 10).join('\n') + '\n'], ['two.CSV', rows.slice(10).join('\n')]]);
      await page.getByLabel('Files', { exact: true }).setInputFiles({ name: 'gdelt.zip', mimeType: 'application/zip', buffer: archive });
      await page.getByRole('button', { name: 'Upload' }).click();
      await expect.poll(() => page.locator('.uploads li').last().textContent(), { timeout: 10_000 }).toMatch(/imported, 2 skipped \(malformed\), \d+ duplicates?, \d+ not coded in PLOVER, from the 2 files it holds/);
      await shot(page, 'data', width);
      // An imported report has no sentence: its row says what it reads, and links to the report it came from.
      await page.goto(`${server.url}#/events?source=imported`);
      const first = page.locator('li.cluster').first();
      await first.locator('summary').click({ timeout: 15_000 });
      await expect.poll(() => first.locator('.row-text').first().textContent(), { timeout: 10_000 }).toMatch(/^No sentence in the dataset; its row reads .+ → .+, .+\. Read the report$/);
      expect(await first.locator('.row-text a').first().getAttribute('href')).toMatch(/^https?:\/\//);
    });
  });

  it('an API error becomes a readable message, not a blank page', async () => {
    await each(async (page, width) => {
      await page.goto(`${server.url}#/relationship?a=SRB&b=Narnia`);
      await expect.poll(() => page.locator('.error').textContent(), { timeout: 10_000 }).toMatch(/Narnia.*not a known state/);
      await shot(page, 'error', width);
    });
  });
});
