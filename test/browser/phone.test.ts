// Every page on a phone (360 and 390 px) and a wide screen in Chromium: nothing scrolls the page
// sideways, commands wrap inside their block, output blocks that scroll are tab stops and only
// they, block code is 14-16 px, and a phone's first screen is the page (the contents are one bar).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { ensureBuilt } from './helpers/build.ts';
import { crawlSite } from './helpers/crawl.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

let site: StaticSite;
let browser: Browser;
let pages: string[] = [];

beforeAll(async () => {
  const built = ensureBuilt();
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
  const context = await browser.newContext();
  pages = [...(await crawlSite(context, site.root)).pages, `${site.root}404.html`];
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Each page at `width`, after the scroll-focus script has seen every block's size. */
async function eachPage(width: number, check: (page: Page, url: string) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  for (const url of pages) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await check(page, url);
    await page.close();
  }
  await context.close();
}

/** The shown blocks' `<pre>`: whether each scrolls sideways and whether it is a tab stop. */
function readBlocks(page: Page, selector: string): Promise<{ scrolls: boolean; tabStop: boolean; text: string }[]> {
  return page.$$eval(selector, (pres) =>
    pres
      .filter((pre) => (pre as HTMLElement).offsetParent !== null)
      .map((pre) => ({ scrolls: pre.scrollWidth > pre.clientWidth, tabStop: (pre as HTMLElement).tabIndex >= 0, text: (pre.textContent ?? '').slice(0, 40) })),
  );
}

/** What the 360 px checks read of one page: each page is loaded once for all of them. */
interface PhonePage {
  url: string;
  widths: { document: number; body: number };
  commands: Awaited<ReturnType<typeof readBlocks>>;
  outputs: Awaited<ReturnType<typeof readBlocks>>;
  codeSizes: number[];
}

describe('on a 360 px phone', () => {
  const read: PhonePage[] = [];
  beforeAll(async () => {
    await eachPage(360, async (page, url) => {
      read.push({
        url,
        widths: await page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth })),
        commands: await readBlocks(page, '.block-command pre'),
        outputs: await readBlocks(page, 'pre.block-text'),
        codeSizes: await page.$$eval('.block pre code', (codes) => codes.map((code) => parseFloat(getComputedStyle(code).fontSize))),
      });
    });
  });

  it('no page scrolls sideways, and no command is clipped: commands wrap inside their block', () => {
    expect(read.map((p) => p.url)).toEqual(pages);
    for (const { url, widths, commands } of read) {
      expect(widths.document, url).toBeLessThanOrEqual(360);
      expect(widths.body, url).toBeLessThanOrEqual(360);
      for (const block of commands) expect(block, url).toMatchObject({ scrolls: false, tabStop: false });
    }
  });

  it('output blocks that scroll within themselves are tab stops, and only those', () => {
    let scrolling = 0;
    for (const { url, outputs } of read) {
      for (const block of outputs) {
        expect(block.tabStop, `${url}: ${block.text}`).toBe(block.scrolls);
        if (block.scrolls) scrolling += 1;
      }
    }
    expect(scrolling, 'long output lines (the links warning) scroll inside their block').toBeGreaterThan(0);
  });

  it('block code is 14 to 16 px', () => {
    expect(read.reduce((n, p) => n + p.codeSizes.length, 0)).toBeGreaterThan(0);
    for (const { url, codeSizes } of read) {
      for (const size of codeSizes) expect(size, url).toBeGreaterThanOrEqual(14);
      for (const size of codeSizes) expect(size, url).toBeLessThanOrEqual(16);
    }
  });
});

describe('on a 390 px phone, the first screen', () => {
  it('is the page: the title, its badge and what to do before starting, the steps behind one closed bar', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.root}step2/`);
    const bottom = async (selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().bottom);
    expect(await bottom('h1')).toBeLessThan(260);
    expect(await bottom('h1 + p.verified')).toBeLessThan(300);
    expect(await bottom('section.before')).toBeLessThan(844);
    expect(await page.locator('.toc a').first().isVisible()).toBe(false);
    const bar = page.locator('details.contents > summary');
    expect(await bar.evaluate((summary) => summary.getBoundingClientRect().height)).toBeLessThanOrEqual(48);
    expect(await bar.innerText()).toContain('Step 2 of 4');
    await bar.click();
    expect(await page.getByRole('navigation', { name: 'Guide' }).getByRole('link', { name: /Start Redis/ }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('on a 1280 px screen', () => {
  it('the steps and a long page\'s sections are the sidebar, open without a click', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.root}step2/`);
    expect(await page.locator('details.contents > summary').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Guide' }).getByRole('link', { name: /Start Redis/ }).isVisible()).toBe(true);
    const sections = page.getByRole('navigation', { name: 'On this page' }).getByRole('link');
    expect(await sections.allInnerTexts()).toEqual(await page.locator('main h2:not(#before-you-start):not(#run-as-script)').allInnerTexts());
    await sections.first().click();
    expect(new URL(page.url()).hash).toBe(`#${await page.locator('main h2:not(#before-you-start):not(#run-as-script)').first().getAttribute('id')}`);
    await context.close();
  });

  it('output blocks are tab stops only where they scroll, and block code is 14 to 16 px', async () => {
    await eachPage(1280, async (page, url) => {
      for (const block of await readBlocks(page, 'pre.block-text')) expect(block.tabStop, `${url}: ${block.text}`).toBe(block.scrolls);
      const sizes = await page.$$eval('.block pre code', (codes) => codes.map((code) => parseFloat(getComputedStyle(code).fontSize)));
      expect(sizes.every((size) => size >= 14 && size <= 16), url).toBe(true);
    });
  });
});
