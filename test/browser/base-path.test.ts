// The same site built as published: for a sub-path (GitHub Pages' /<repo>/) at its address
// (SITE_URL), and served only there: every link and asset must resolve under the base, and the
// sharing tags must name it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { buildPublished, PUBLISHED, ROOT } from './helpers/build.ts';
import { crawlSite, type CrawlResult } from './helpers/crawl.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

const { base: BASE, siteUrl: SITE_URL } = PUBLISHED;
// the guide's pages and the verification page
const PAGE_COUNT = readdirSync(join(ROOT, 'content')).filter((name) => name.endsWith('.mdx')).length + 1;
let built: ReturnType<typeof buildPublished>;
let site: StaticSite;
let browser: Browser;
let crawl: CrawlResult;

beforeAll(async () => {
  built = buildPublished();
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
  crawl = await crawlSite(await browser.newContext(), site.root);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  built?.remove();
});

describe(`the site built with BASE_PATH=${BASE} SITE_URL=${SITE_URL}`, () => {
  it('reaches every page from the index under the base', () => {
    expect(crawl.pages).toHaveLength(PAGE_COUNT);
    expect(crawl.pages.every((url) => new URL(url).pathname.startsWith(BASE))).toBe(true);
  });

  it('resolves every internal link and asset (the server answers nothing outside the base)', () => {
    expect(crawl.broken).toEqual([]);
    expect(crawl.checked.some((url) => url.endsWith('.css'))).toBe(true);
    expect(crawl.checked.some((url) => url.endsWith('favicon.svg'))).toBe(true);
  });

  it('names each page under the base in its canonical link, Open Graph URL and the sitemap', async () => {
    const page = await browser.newPage();
    const sitemap = await (await fetch(`${site.root}sitemap.xml`)).text();
    for (const url of crawl.pages) {
      await page.goto(url);
      const path = new URL(url).pathname;
      const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
      const ogUrl = await page.getAttribute('meta[property="og:url"]', 'content');
      expect([canonical, ogUrl], url).toEqual([`${SITE_URL}${path}`, `${SITE_URL}${path}`]);
      expect(sitemap, url).toContain(`${path}</loc>`);
    }
    await page.close();
  });

  it('answers an unknown address with its 404 page, whose links work under the base', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${site.root}no/such/page/`);
    expect(response?.status()).toBe(404);
    const links = await page.$$eval('main a', (anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links.length).toBeGreaterThanOrEqual(PAGE_COUNT);
    expect(links.every((path) => path.startsWith(BASE))).toBe(true);
    expect(await page.$$('link[rel="canonical"]')).toHaveLength(0);
    await page.close();
  });
});
