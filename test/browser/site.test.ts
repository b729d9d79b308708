// The built site in Debian's Chromium, served from dist/ on localhost as a static host would
// (an unknown address answered with the site's 404 page).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './helpers/axe.ts';
import { launchChromium } from './helpers/browser.ts';
import { readPublishTarget } from '../../site/lib/publish/env.ts';
import { ensureBuilt, ROOT } from './helpers/build.ts';
import { crawlSite } from './helpers/crawl.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

const PAGE_COUNT = readdirSync(join(ROOT, 'content')).filter((name) => name.endsWith('.mdx')).length;
let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let pages: string[] = [];
let broken: string[] = [];

beforeAll(async () => {
  const built = ensureBuilt();
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
  context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  ({ pages, broken } = await crawlSite(context, site.root));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens `url`, collecting console errors, page errors and failed requests. */
async function openPage(url: string, scheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** The text of each copy button, and the button handles, on a page. */
async function readCopyButtons(page: Page): Promise<string[]> {
  return page.$$eval('button.copy', (buttons) => buttons.map((button) => (button as HTMLButtonElement).dataset.copy ?? ''));
}

describe('the built site', () => {
  it('has every page of content/, and the verification page, reachable from the index', () => {
    expect(pages).toHaveLength(PAGE_COUNT + 1);
    expect(pages).toContain(`${site.root}verification/`);
  });

  it('resolves every internal link, asset and #fragment', () => {
    expect(broken).toEqual([]);
  });

  it('loads every page with no console error, page error or failed request', async () => {
    for (const url of pages) {
      const { page, problems } = await openPage(url);
      await page.close();
      expect(problems, url).toEqual([]);
    }
  });

  it('copies exactly each command block, and announces it', async () => {
    let copied = 0;
    for (const url of pages) {
      const { page } = await openPage(url);
      const texts = await readCopyButtons(page);
      const commands = await page.$$eval('.block-command pre', (pres) => pres.map((pre) => pre.textContent ?? ''));
      expect(texts, url).toEqual(commands);
      for (const [index, text] of texts.entries()) {
        await page.locator('button.copy').nth(index).click();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
        await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Copied');
        copied += 1;
      }
      await page.close();
    }
    expect(copied).toBeGreaterThanOrEqual(PAGE_COUNT);
  });

  it('works from the keyboard alone: Tab to a copy button, Enter and Space copy', async () => {
    const url = pages.find((page) => page.endsWith('/step4/')) ?? '';
    const { page } = await openPage(url);
    const texts = await readCopyButtons(page);
    for (const [key, expected] of [['Enter', texts[0]], ['Space', texts[1]]] as const) {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await tabToNextCopyButton(page);
      await page.keyboard.press(key);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Copied');
    }
    await page.close();
  });

  it('announces a failure to copy, and what to do instead', async () => {
    const { page } = await openPage(pages[1] ?? '');
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    });
    await page.locator('button.copy').first().click();
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Copy failed: select the text and copy it by hand');
    await page.close();
  });

  it('shows one block of each engine group (tabs per engine range), the first, until a reader picks another', async () => {
    for (const url of pages) {
      const { page } = await openPage(url);
      const groups = await page.$$eval('fieldset.engine-group', (sets) =>
        sets.map((set) => {
          const blocks = [...set.querySelectorAll<HTMLElement>('.engine-tabs > figure')];
          return { shown: blocks.filter((block) => block.offsetParent !== null).map((block) => blocks.indexOf(block)), count: blocks.length };
        }),
      );
      for (const group of groups) expect(group, url).toEqual({ shown: [0], count: group.count });
      await page.close();
    }
  });

  it('has no axe-core violations on any page (the verification and 404 pages too), in light and dark', async () => {
    for (const url of [...pages, `${site.root}404.html`]) {
      const { page } = await openPage(url, 'light');
      expect(await findAxeViolations(page), `${url} (light)`).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' }); // the same page, its styles recomputed for dark
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      expect(await findAxeViolations(page), `${url} (dark)`).toEqual([]);
      await page.close();
    }
  });

  it('claims no address of its own when built without SITE_URL: no canonical link, og:url or sitemap', async () => {
    const target = readPublishTarget(process.env);
    const sitemap = await context.request.get(`${site.root}sitemap.xml`);
    for (const url of pages) {
      const { page } = await openPage(url);
      const tags = await page.$$eval('link[rel="canonical"], meta[property="og:url"], link[rel="sitemap"]', (elements) => elements.length);
      expect(tags, url).toBe(target.site === undefined ? 0 : 3);
      await page.close();
    }
    expect(sitemap.status()).toBe(target.site === undefined ? 404 : 200);
  });
});

/** Presses Tab until a copy button has focus (a bounded number of times). */
async function tabToNextCopyButton(page: Page): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.matches('button.copy') ?? false)) return;
  }
  throw new Error(`no copy button reached with 60 presses of Tab on ${page.url()}`);
}
