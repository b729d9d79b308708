// What a shared page and its source offer, in Chromium: built as published (a base path,
// SITE_URL and REPO_URL), each page names its preview card as og:image (an absolute URL, with its
// alt), and the card is a real 1200 x 630 PNG; each guide page links its file in the repository
// to edit it. The site built without them (dist/) has neither.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPages } from '../../scripts/page/discover.ts';
import { launchChromium } from './helpers/browser.ts';
import { buildPublished, ensureBuilt, PUBLISHED, ROOT } from './helpers/build.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

const { base: BASE, siteUrl: SITE_URL, repoUrl: REPO_URL } = PUBLISHED;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
let built: ReturnType<typeof buildPublished>;
let shared: StaticSite;
let plain: StaticSite;
let browser: Browser;
let ids: string[] = [];

beforeAll(async () => {
  built = buildPublished();
  shared = await serveStatic(built.dir, built.base);
  const dist = ensureBuilt();
  plain = await serveStatic(dist.dir, dist.base);
  browser = await launchChromium();
  ids = (await discoverPages(ROOT)).pages.map((page) => page.id);
});

afterAll(async () => {
  await browser?.close();
  await shared?.close();
  await plain?.close();
  built?.remove();
});

const pathOf = (id: string) => (id === 'index' ? '' : `${id}/`);

describe(`built with BASE_PATH=${BASE} SITE_URL=${SITE_URL} REPO_URL=${REPO_URL}`, () => {
  it('each page names its card as og:image, an absolute URL with its alt, and the card is a 1200 x 630 PNG', async () => {
    const page = await browser.newPage();
    for (const id of ids) {
      await page.goto(`${shared.root}${pathOf(id)}`);
      const image = await page.getAttribute('meta[property="og:image"]', 'content');
      expect(image, id).toBe(`${SITE_URL}${BASE}og/${id}.png`);
      expect(await page.getAttribute('meta[property="og:image:alt"]', 'content'), id).toContain(await page.locator('h1').innerText());
      const png = new Uint8Array(await (await fetch(`${shared.origin}${new URL(image!).pathname}`)).arrayBuffer());
      expect([...png.slice(0, 8)], id).toEqual(PNG_SIGNATURE);
      const header = new DataView(png.buffer, 16, 8); // IHDR: width, height
      expect([header.getUint32(0), header.getUint32(4)], id).toEqual([1200, 630]);
    }
    await page.close();
  });

  it("each guide page links its file on the repository's main branch to edit it", async () => {
    const page = await browser.newPage();
    for (const id of ids) {
      await page.goto(`${shared.root}${pathOf(id)}`);
      expect(await page.getAttribute('main a:text-is("Edit this page")', 'href'), id).toBe(`${REPO_URL}/edit/main/content/${id}.mdx`);
    }
    await page.close();
  });
});

describe('built without them (dist/)', () => {
  it('names no og:image and links no edit page', async () => {
    const page = await browser.newPage();
    for (const id of ids) {
      await page.goto(`${plain.root}${pathOf(id)}`);
      expect(await page.locator('meta[property="og:image"]').count(), id).toBe(0);
      expect(await page.locator('main a', { hasText: 'Edit this page' }).count(), id).toBe(0);
    }
    await page.close();
  });
});
