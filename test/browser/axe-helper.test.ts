// The accessibility check itself (helpers/axe.ts), on a page written for it: it finds what it
// must, also when a page is checked in light and then, without reloading, in dark (site.test.ts).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './helpers/axe.ts';
import { launchChromium } from './helpers/browser.ts';

const PAGE = `<html lang="en"><head><title>A page</title><style>
  body { color: #000; background: #fff }
  @media (prefers-color-scheme: dark) { body { color: #333; background: #222 } }
</style></head><body><main><h1>A heading</h1><p>Some text to read.</p></main></body></html>`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('findAxeViolations', () => {
  it('finds a contrast only the dark scheme breaks, after switching the loaded page to dark', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setContent(PAGE);
    expect(await findAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect((await findAxeViolations(page)).map((v) => v.split(':')[0])).toContain('color-contrast');
    await page.close();
  });
});
