// The verification page (/verification/) in Chromium: a section per doc-tested page naming every
// engine of the record (the one the build read, published as /verification.json) with how, when,
// at which commit and with which images it proved the page; each page's badge lands on its section.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePage } from '../../scripts/page/parse.ts';
import { compareVersions, hashPage, parseRecord, type VerificationRecord } from '../../scripts/verify/record.ts';
import { launchChromium } from './helpers/browser.ts';
import { ensureBuilt, ROOT } from './helpers/build.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

const tested = readdirSync(join(ROOT, 'content'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => parsePage(`content/${name}`, readFileSync(join(ROOT, 'content', name), 'utf8')).page)
  .filter((page) => page.frontmatter.snippet !== undefined);
let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let record: VerificationRecord;

beforeAll(async () => {
  const built = ensureBuilt();
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const url = `${site.root}verification.json`;
  record = parseRecord(await (await fetch(url)).text(), url);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the verification page', () => {
  it('has a section for each doc-tested page, listing every engine of the record in version order', async () => {
    const page = await context.newPage();
    await page.goto(`${site.root}verification/`);
    const engines = Object.values(record.engines).sort((a, b) => compareVersions(a.engine, b.engine));
    expect(engines.length).toBeGreaterThan(0);
    for (const { id, file } of tested) {
      const current = hashPage(readFileSync(join(ROOT, file), 'utf8'));
      const cards = page.locator(`section#${id} li.run`);
      const titles = await cards.locator('h3').allInnerTexts();
      expect(titles, id).toEqual(engines.map((run) => `Docker ${run.engine} ${run.proof === 'live' ? 'live' : 'captured output'}`));
      for (const [index, run] of engines.entries()) {
        const card = (await cards.nth(index).innerText()).replace(/\s+/g, ' ');
        if (!run.pages[id]) {
          expect(card, `${id} on ${run.engine}`).toContain('Not run on this page');
          continue;
        }
        expect(card, `${id} on ${run.engine}`).toContain((run.pages[id].date ?? run.date).slice(0, 10));
        expect(card).toContain(`commit ${run.commit.slice(0, 7)}`);
        for (const image of run.images) expect(card).toContain(image.name);
        if (run.images.some((image) => image.standIn)) expect(card).toContain('local stand-in');
        if (run.pages[id].hash !== current) {
          expect(card, `${id} on ${run.engine}`).toContain('Ran on an earlier text of this page');
          continue;
        }
        for (const name of run.pages[id].uncovered ?? []) expect(card).toContain(name);
        for (const name of run.pages[id].failures) expect(card).toContain(name);
      }
    }
    await page.close();
  });

  it('lists the commands each page has, named as the doc-tests name them', async () => {
    const page = await context.newPage();
    await page.goto(`${site.root}verification/`);
    for (const { id, commands } of tested) {
      const names = await page.locator(`section#${id} details.cases li > code:first-child`).allTextContents();
      expect(names, id).toEqual(commands.filter((c) => c.snippet !== undefined).map((c) => `${c.at.file}:${c.at.line}`));
    }
    await page.close();
  });

  it('links to the record itself, /verification.json', async () => {
    const page = await context.newPage();
    await page.goto(`${site.root}verification/`);
    const href = await page.locator('main a', { hasText: 'verification.json' }).getAttribute('href');
    expect(new URL(href ?? '', page.url()).href).toBe(`${site.root}verification.json`);
    await page.close();
  });

  it.each(tested.map((p) => p.id))("%s: the badge lands on the page's section", async (id) => {
    const page = await context.newPage();
    await page.goto(`${site.root}${id}/`);
    await page.locator('h1 + p.verified > a').click();
    await page.waitForURL(`${site.root}verification/#${id}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
    const top = await page.locator(`section#${id}`).evaluate((section) => section.getBoundingClientRect().top);
    expect(top, 'the section is scrolled into the window, near its top').toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(400);
    expect(await page.locator(`section#${id} h2`).innerText()).toContain(tested.find((p) => p.id === id)?.frontmatter.title);
    await page.close();
  });
});
