// The step pictures in Chromium: every page where containers run shows its picture near the top,
// named, with the same words under it that the model gives (site/lib/diagrams/), drawn in the
// page's colours in light and dark, and a 360 px phone shows it whole, its text at 12 px or more,
// with nothing scrolling the page sideways.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPages } from '../../scripts/page/discover.ts';
import { loadDiagram } from '../../site/lib/diagrams/load.ts';
import { launchChromium } from './helpers/browser.ts';
import { ensureBuilt, ROOT } from './helpers/build.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

let site: StaticSite;
let browser: Browser;
let ids: string[] = [];

beforeAll(async () => {
  const built = ensureBuilt();
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
  ids = (await discoverPages(ROOT)).pages.map((page) => page.id);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const pathOf = (id: string) => `${site.root}${id === 'index' ? '' : `${id}/`}`;

describe('the step pictures', () => {
  it('every step page (and the networks page) shows its picture before its content, named, with the same words as the model', async () => {
    const page = await browser.newPage();
    const drawn: string[] = [];
    for (const id of ids) {
      const expected = await loadDiagram(id, ROOT);
      await page.goto(pathOf(id));
      const figure = page.locator('main > figure.diagram');
      if (!expected) {
        expect(await figure.count(), id).toBe(0);
        continue;
      }
      drawn.push(id);
      const svg = figure.locator('svg[role="img"]');
      expect(await svg.count(), id).toBe(1);
      expect(await svg.evaluate((el) => el.querySelector('script') === null && el.querySelector('title')?.textContent), id).toBe(expected.text.title);
      expect(await figure.locator('details li').allTextContents(), id).toEqual(expected.text.items);
      expect(await figure.locator('summary').innerText(), id).toContain(expected.text.title);
      // near the top: before the page's first section heading
      expect(await page.evaluate(() => {
        const figure = document.querySelector('main > figure.diagram')!;
        const heading = [...document.querySelectorAll('main h2')].find((h) => !h.closest('section.before'));
        return !heading || (figure.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      }), id).toBe(true);
    }
    expect(drawn).toEqual(expect.arrayContaining(['step1', 'step2', 'step3', 'step4', 'networks']));
    await page.close();
  });

  it("step 3 draws the link's alias, its hosts line, the published port and the request", async () => {
    const page = await browser.newPage();
    await page.goto(pathOf('step3'));
    const texts = await page.locator('figure.diagram svg text').allTextContents();
    for (const text of ['--link redis-server:redis', '/etc/hosts: 172.17.0.x redis', 'port 3000 ← localhost:3000', '→ redis:6379', '$ curl localhost:3000']) expect(texts).toContain(text);
    await page.close();
  });

  it('takes the page colours in light and dark', async () => {
    for (const [scheme, fg] of [['light', 'rgb(31, 35, 40)'], ['dark', 'rgb(230, 232, 235)']] as const) {
      const page = await browser.newPage({ colorScheme: scheme });
      await page.goto(pathOf('step3'));
      expect(await page.locator('figure.diagram svg text').first().evaluate((el) => getComputedStyle(el).fill), scheme).toBe(fg);
      await page.close();
    }
  });

  it('fits a 360 px phone: no sideways scroll, the whole picture in view, text at 12 px or more', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (const id of ['step1', 'step2', 'step3', 'step4', 'networks']) {
      await page.goto(pathOf(id));
      const fit = await page.evaluate(() => {
        const svg = document.querySelector('figure.diagram svg') as SVGSVGElement;
        const box = svg.getBoundingClientRect();
        const scale = box.width / svg.viewBox.baseVal.width;
        const smallest = Math.min(...[...svg.querySelectorAll('text')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize)));
        return { scroll: document.documentElement.scrollWidth, left: box.left, right: box.right, px: smallest * scale };
      });
      expect(fit.scroll, id).toBeLessThanOrEqual(360);
      expect(fit.left, id).toBeGreaterThanOrEqual(0);
      expect(fit.right, id).toBeLessThanOrEqual(360);
      expect(fit.px, id).toBeGreaterThanOrEqual(12);
    }
    await context.close();
  });
});
