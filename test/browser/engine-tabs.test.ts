// The tabs per Docker engine range (site/lib/blocks/render-engine-group.ts, site/scripts/engine-tabs.ts)
// in Chromium, on pages written for the test (test/browser/fixtures/engine-tabs/): the newest
// range shows first, a click shows another, without JavaScript too; with it, the choice holds
// in every group and on the next page. Keyboard, axe, print and a phone.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './helpers/axe.ts';
import { launchChromium } from './helpers/browser.ts';
import { buildFixtureSite } from './helpers/build.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

let built: ReturnType<typeof buildFixtureSite> | undefined;
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  built = buildFixtureSite(join(import.meta.dirname, 'fixtures', 'engine-tabs'));
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  built?.remove();
});

/** A fresh context (nothing remembered) and its page at `path`, with page errors collected. */
async function open(path = '', options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${site.root}${path}`, { waitUntil: 'load' });
  return { context, page, errors };
}

/** Which panels of group `n` are visible, as their tab labels. */
async function shown(page: Page, n: number): Promise<string[]> {
  const panels = page.locator(`[id^="engine.${n}."][id$=".panel"]`);
  const visible: string[] = [];
  for (const panel of await panels.all()) {
    if (await panel.isVisible()) visible.push((await panel.locator('.block-variant').textContent()) ?? '?');
  }
  return visible;
}

/** The checked tab's label in every group of the page, in page order. */
async function checkedTabs(page: Page): Promise<string[]> {
  return page.$$eval('input.engine-radio:checked', (radios) =>
    radios.map((radio) => document.querySelector(`label[for="${radio.id}"]`)?.textContent ?? '?'),
  );
}

const FIRST = ['Docker 29.6 – 29.x', 'Docker 29.0 and later', 'Docker 31.0 and later', 'Docker 29.0 and later'];

describe('a group of ranged blocks', () => {
  it('shows only the first (newest) range by default, in every group', async () => {
    const { context, page, errors } = await open();
    expect(await page.locator('fieldset.engine-group').count()).toBe(4);
    expect(await checkedTabs(page)).toEqual(FIRST);
    expect(await shown(page, 1)).toEqual(['Docker 29.6 – 29.x']);
    expect(await shown(page, 4)).toEqual(['Docker 29.0 and later']);
    const group = page.getByRole('group', { name: 'Output for your Docker version' }).first();
    expect(await group.getByRole('radio').count()).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`shows another range on a click, and hides the first (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { context, page } = await open('', { javaScriptEnabled });
      await page.locator('label.engine-tab', { hasText: 'Docker 29.0 – 29.5' }).click();
      expect(await shown(page, 1)).toEqual(['Docker 29.0 – 29.5']);
      expect(await page.getByRole('radio', { name: 'Docker 29.0 – 29.5' }).isChecked()).toBe(true);
      await page.locator('label[for="engine.1.3"]').click();
      expect(await shown(page, 1)).toEqual(['Docker 28.x and earlier']);
      expect(await page.locator('[id="engine.1.3"]').isChecked()).toBe(true);
      await context.close();
    });
  }

  it('works from the keyboard: one Tab stop, arrows move the choice, the focused tab is outlined', async () => {
    const { context, page } = await open('', { javaScriptEnabled: false });
    // the command just before the first group: no tab stop itself (it wraps, never scrolls), a click there starts the Tab order
    await page.locator('.block-command pre').first().click();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('engine.1.1');
    const outline = await page.locator('label[for="engine.1.1"]').evaluate((label) => getComputedStyle(label).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('engine.1.2');
    expect(await shown(page, 1)).toEqual(['Docker 29.0 – 29.5']);
    await page.keyboard.press('Tab'); // from the group to the shown block's text
    expect(await page.evaluate(() => document.activeElement?.closest('figure')?.id)).toBe('engine.1.2.panel');
    await context.close();
  });
});

describe('the engine-tabs script', () => {
  it('selects, in every other group, the range that holds the chosen engine; one with none keeps its tab', async () => {
    const { context, page, errors } = await open();
    await page.locator('label[for="engine.1.3"]').click(); // "Docker 28.x and earlier": 28.0.0
    expect(await checkedTabs(page)).toEqual(['Docker 28.x and earlier', 'Docker 28.x and earlier', 'Docker 31.0 and later', 'Docker 28.x and earlier']);
    expect(await shown(page, 2)).toEqual(['Docker 28.x and earlier']);
    await page.locator('label[for="engine.2.1"]').click(); // "Docker 29.0 and later": 29.0.0
    expect(await checkedTabs(page)).toEqual(['Docker 29.0 – 29.5', 'Docker 29.0 and later', 'Docker 31.0 and later', 'Docker 29.0 and later']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('remembers the choice across a reload and on the next page', async () => {
    const { context, page } = await open();
    await page.locator('label[for="engine.4.2"]').click(); // the session's "Docker 28.x and earlier"
    await page.reload({ waitUntil: 'load' });
    expect(await checkedTabs(page)).toEqual(['Docker 28.x and earlier', 'Docker 28.x and earlier', 'Docker 31.0 and later', 'Docker 28.x and earlier']);
    expect(await shown(page, 1)).toEqual(['Docker 28.x and earlier']);
    await page.goto(`${site.root}other/`, { waitUntil: 'load' });
    expect(await checkedTabs(page)).toEqual(['Docker 28.x and earlier']);
    await context.close();
  });

  it('keeps the group the reader clicked where it was while groups above change', async () => {
    const { context, page } = await open('', { viewport: { width: 1024, height: 400 } });
    const group = page.locator('fieldset.engine-group').nth(3);
    await group.scrollIntoViewIfNeeded();
    const before = await group.evaluate((element) => element.getBoundingClientRect().top);
    await page.locator('label[for="engine.4.2"]').click();
    expect(await shown(page, 1)).toEqual(['Docker 28.x and earlier']); // a group above changed
    const after = await group.evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(after - before)).toBeLessThan(2);
    await context.close();
  });

  it('still follows within the page when storage is unavailable', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site.root, { waitUntil: 'load' });
    await page.locator('label[for="engine.1.3"]').click();
    expect(await shown(page, 2)).toEqual(['Docker 28.x and earlier']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the fixture pages', () => {
  it('have no axe-core violations, in light and dark, before and after a choice', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of ['', 'other/']) {
        const { context, page } = await open(path, { colorScheme });
        expect(await findAxeViolations(page), `${path} (${colorScheme})`).toEqual([]);
        await page.locator('label.engine-tab').last().click();
        expect(await findAxeViolations(page), `${path} (${colorScheme}, last tab)`).toEqual([]);
        await context.close();
      }
    }
  });

  it('print every range, each with its label, and no tabs', async () => {
    const { context, page } = await open();
    await page.emulateMedia({ media: 'print' });
    expect(await shown(page, 1)).toEqual(['Docker 29.6 – 29.x', 'Docker 29.0 – 29.5', 'Docker 28.x and earlier']);
    expect(await shown(page, 4)).toEqual(['Docker 29.0 and later', 'Docker 28.x and earlier']);
    expect(await page.locator('label.engine-tab').first().isVisible()).toBe(false);
    await context.close();
  });

  it('fit a 360px phone: the tabs wrap onto lines of their own, nothing scrolls the page sideways', async () => {
    const { context, page } = await open('', { viewport: { width: 360, height: 740 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const boxes = await page.locator('fieldset.engine-group').first().locator('label.engine-tab').evaluateAll((labels) =>
      labels.map((label) => label.getBoundingClientRect().toJSON() as DOMRect),
    );
    expect(boxes.every((box) => box.left >= 0 && box.right <= 360 && box.height >= 24)).toBe(true);
    expect(new Set(boxes.map((box) => Math.round(box.top))).size, 'three tabs take two lines').toBeGreaterThan(1);
    const fontSize = await page.locator('label.engine-tab').first().evaluate((label) => parseFloat(getComputedStyle(label).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(13);
    await context.close();
  });
});
