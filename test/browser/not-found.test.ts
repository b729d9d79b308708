// The 404 page, as a static host serves it for an address the site does not have: it says so,
// links to every page of the guide, claims no address (no canonical link) and is not indexed.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './helpers/axe.ts';
import { launchChromium } from './helpers/browser.ts';
import { ensureBuilt } from './helpers/build.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  const built = ensureBuilt();
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('an address the site does not have', () => {
  it('answers 404 with a page that says so and links to every step, each of which loads', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${site.root}step9/deeper/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    const links = await page.$$eval('main a', (anchors) => anchors.map((a) => [(a as HTMLAnchorElement).innerText, (a as HTMLAnchorElement).href]));
    for (const step of [1, 2, 3, 4]) expect(links.map(([text]) => text).some((text) => text?.startsWith(`Step ${step}:`)), `step ${step}`).toBe(true);
    for (const [, href] of links) expect((await page.request.get(href ?? '')).status(), href).toBe(200);
    expect(await page.$$('link[rel="canonical"], meta[property="og:url"]')).toHaveLength(0);
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
    await page.close();
  });

  it('has no axe-core violations, in light and dark, on a phone', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${site.root}no-such-page/`);
      expect(await findAxeViolations(page), colorScheme).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await context.close();
    }
  });
});
