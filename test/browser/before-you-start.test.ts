// "Before you start" on the step pages in Chromium: what the pages a step needs leave running and
// the one command that sets them up, as the pages say it (site/lib/steps/before-you-start.ts),
// with a copy button that copies exactly that command; and, on pages written for the test
// (test/browser/fixtures/before-you-start/), how long a step takes from its `minutes:`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPages } from '../../scripts/page/discover.ts';
import type { Page as GuidePage } from '../../scripts/page/types.ts';
import { planBeforeYouStart } from '../../site/lib/steps/before-you-start.ts';
import { launchChromium } from './helpers/browser.ts';
import { buildFixtureSite, ensureBuilt, ROOT } from './helpers/build.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let guide: GuidePage[] = [];
let fixture: ReturnType<typeof buildFixtureSite> | undefined;
let fixtureSite: StaticSite | undefined;

beforeAll(async () => {
  const built = ensureBuilt();
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
  context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  guide = (await discoverPages(ROOT)).pages;
  fixture = buildFixtureSite(join(import.meta.dirname, 'fixtures', 'before-you-start'));
  fixtureSite = await serveStatic(fixture.dir, fixture.base);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fixtureSite?.close();
  fixture?.remove();
});

async function open(id: string): Promise<{ page: Page; text: string }> {
  const page = await context.newPage();
  await page.goto(`${site.root}${id === 'index' ? '' : `${id}/`}`);
  const box = page.locator('main > section.before');
  return { page, text: (await box.count()) === 1 ? (await box.innerText()).replace(/\s+/g, ' ') : '' };
}

describe('before you start', () => {
  it('on step 3: step 1 and its redis-server, and the one command that sets it up, copied exactly', async () => {
    const { page, text } = await open('step3');
    expect(text).toContain('redis-server, from step 1');
    expect(text).toContain('npx zx snippets/step1.mjs');
    expect(await page.locator('section.before a', { hasText: 'step 1' }).getAttribute('href')).toMatch(/\/step1\/$/);
    await page.locator('section.before button.copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('npx zx snippets/step1.mjs');
    await page.close();
  });

  it('on every step page, what the pages derive, and nothing on the others', async () => {
    for (const own of guide) {
      const { page, text } = await open(own.id);
      const plan = planBeforeYouStart(own, guide, readFileSync(join(ROOT, own.file), 'utf8'));
      if (!plan) expect(text, own.id).toBe('');
      else {
        expect(text, own.id).toContain('Before you start');
        for (const command of plan.setup) expect(text, own.id).toContain(command);
        for (const thing of plan.running) expect(text, own.id).toContain(`${thing.name ?? thing.image}`);
        for (const thing of plan.running) expect(text, own.id).toContain(`from ${thing.from.name}`);
        if (own.frontmatter.step !== undefined) expect(plan.minutes, `${own.id}: a step says how long it takes`).toBeGreaterThan(0);
        if (plan.minutes !== undefined) expect(text, own.id).toContain(`About ${plan.minutes} minute`);
        if (plan.running.length === 0) expect(text, own.id).toContain('Nothing needs to be running');
      }
      await page.close();
    }
    expect(guide.filter((own) => own.frontmatter.step !== undefined).every((own) => planBeforeYouStart(own, guide) !== undefined)).toBe(true);
  });

  it('says how long a step takes, from its minutes:', async () => {
    const page = await context.newPage();
    for (const [path, expected] of [['step1/', 'About 1 minute.'], ['step2/', 'About 4 minutes.']] as const) {
      await page.goto(`${fixtureSite?.root}${path}`);
      expect(await page.locator('section.before .before-time').innerText(), path).toBe(expected);
    }
    const text = (await page.locator('section.before').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('fixture-server on port 6380, from step 1');
    expect(text).toContain('npx zx snippets/step1.mjs');
    await page.close();
  });
});
