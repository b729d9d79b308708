// "Run this step as a script" on the pages that have a snippet, in Chromium: the download link
// serves exactly the single file scripts/snippets/bundle.ts builds (over HTTP from the served
// site, and as a download named for the file), the copy button copies the one command, and
// cleanup.mjs is linked the same way; pages without a snippet have no box.
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPages } from '../../scripts/page/discover.ts';
import type { Page as GuidePage } from '../../scripts/page/types.ts';
import { bundleSnippet } from '../../scripts/snippets/bundle.ts';
import { launchChromium } from './helpers/browser.ts';
import { ensureBuilt, ROOT } from './helpers/build.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let guide: GuidePage[] = [];

beforeAll(async () => {
  const built = ensureBuilt();
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
  context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  guide = (await discoverPages(ROOT)).pages;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.root}${id === 'index' ? '' : `${id}/`}`);
  return page;
}

describe('run this step as a script', () => {
  it('on step 3: the download link, the one command with its copy button, what it needs, cleanup.mjs', async () => {
    const page = await open('step3');
    const box = page.locator('main > section.run-script');
    await expect.poll(() => box.count()).toBe(1);
    expect(await box.locator('h2').innerText()).toBe('Run this step as a script');
    const text = (await box.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Download step3.mjs');
    expect(text).toContain('npx zx step3.mjs');
    expect(text).toContain('It needs Node.js 20 or later and Docker, nothing else. Running it twice is safe');
    expect(text).toContain('cleanup.mjs, run the same way, removes what the guide created');
    expect(text).toContain('npx zx snippets/step3.mjs');
    const link = box.locator('a[download]', { hasText: 'Download step3.mjs' });
    expect(await link.getAttribute('href')).toBe(`${new URL(site.root).pathname}scripts/step3.mjs`);
    await box.locator('button.copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('npx zx step3.mjs');
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Copied');
    await page.close();
  });

  it('serves exactly the bundle over HTTP, as JavaScript, and downloads it under its name', async () => {
    const page = await open('step3');
    const expected = (await bundleSnippet('snippets/step3.mjs', ROOT)).text;
    const href = await page.locator('section.run-script a[download]').first().evaluate((a) => (a as HTMLAnchorElement).href);
    const response = await fetch(href);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe(expected);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('section.run-script a[download]').first().click()]);
    expect(download.suggestedFilename()).toBe('step3.mjs');
    expect(await text(await download.createReadStream())).toBe(expected);
    await page.close();
  });

  it('on every page with a snippet, its own script and cleanup.mjs, each the bundle; none on the others', async () => {
    const cleanup = (await bundleSnippet('snippets/cleanup.mjs', ROOT)).text;
    for (const own of guide) {
      const page = await open(own.id);
      const box = page.locator('main > section.run-script');
      const snippet = own.frontmatter.snippet;
      if (snippet === undefined) {
        expect(await box.count(), own.id).toBe(0);
      } else {
        expect(await box.locator('h2').innerText(), own.id).toBe(`Run this ${own.frontmatter.step === undefined ? 'page' : 'step'} as a script`);
        expect(await box.locator('button.copy').getAttribute('data-copy'), own.id).toBe(`npx zx ${snippet}.mjs`);
        const hrefs = await box.locator('a[download]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
        expect(hrefs.map((href) => new URL(href).pathname.split('/').pop()), own.id).toEqual([`${snippet}.mjs`, 'cleanup.mjs']);
        const [script, clean] = await Promise.all(hrefs.map(async (href) => (await fetch(href)).text()));
        expect(script, own.id).toBe((await bundleSnippet(`snippets/${snippet}.mjs`, ROOT)).text);
        expect(clean, own.id).toBe(cleanup);
      }
      await page.close();
    }
    expect(guide.some((own) => own.frontmatter.snippet === undefined)).toBe(true);
  });
});
