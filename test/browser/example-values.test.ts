// Recorded values in the built site (site/lib/blocks/render-output.ts): step 2's hosts file as a
// verified run printed it, the address in its column before its names, each value marked in a
// way a touch screen shows and a screen reader announces (the block's description is the note
// under it), in light and dark.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './helpers/axe.ts';
import { launchChromium } from './helpers/browser.ts';
import { ensureBuilt } from './helpers/build.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

const NOTE = /^Marked values come from a verified run on Docker \d+\.\d+\.\d+; yours will differ\.$/;
const HOSTS_ENTRY = /^\d{1,3}(?:\.\d{1,3}){3}\tredis [0-9a-f]{12} redis-server$/;

let site: StaticSite;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  const built = ensureBuilt();
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
  context = await browser.newContext({ hasTouch: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openStep2(scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${site.root}step2/`, { waitUntil: 'load' });
  return page;
}

/** The hosts-file block shown first (the newest engine's tab): each line's text, and where its names start. */
async function readHostsBlock(page: Page) {
  return page.evaluate(() => {
    const figure = [...document.querySelectorAll<HTMLElement>('figure.block-output')].find(
      (f) => f.offsetParent !== null && f.textContent?.includes('ip6-allrouters'),
    );
    if (!figure) throw new Error('no visible hosts-file block on step 2');
    const lines = [...figure.querySelectorAll<HTMLElement>('.line')];
    /** Left edge of the first character after the first tab of a line. */
    const namesStart = (line: HTMLElement): number => {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('\t');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 1);
        range.setEnd(node, at + 2);
        return range.getBoundingClientRect().left;
      }
      return Number.NaN;
    };
    const entry = lines.find((l) => l.textContent?.includes('redis-server'))!;
    const localhost = lines.find((l) => l.textContent?.startsWith('127.0.0.1'))!;
    const marks = [...entry.querySelectorAll('mark')];
    const note = document.getElementById(figure.getAttribute('aria-describedby') ?? '');
    return {
      id: figure.id,
      entry: entry.textContent,
      marks: marks.map((m) => m.textContent),
      entryNames: namesStart(entry),
      localhostNames: namesStart(localhost),
      placeholders: entry.querySelectorAll('.ph').length,
      note: note?.textContent,
      noteInFigure: note !== null && figure.contains(note),
      noteShown: note !== null && note.getBoundingClientRect().height > 0 && getComputedStyle(note).visibility === 'visible',
    };
  });
}

/** What Chromium's accessibility tree gives a screen reader for the element `selector` matches. */
async function readAccessible(page: Page, selector: string): Promise<{ role?: string; description?: string }> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const node = nodes[0];
  await cdp.detach();
  return { role: node?.role?.value as string | undefined, description: node?.description?.value as string | undefined };
}

describe("step 2's hosts file with a verified run's values", () => {
  it('shows a real-looking entry: an address, then redis, a short id and redis-server, the address in its column', async () => {
    const page = await openStep2();
    const block = await readHostsBlock(page);
    expect(block.entry).toMatch(HOSTS_ENTRY);
    expect(block.marks).toHaveLength(2);
    expect(block.marks[0]).toMatch(/^\d{1,3}(?:\.\d{1,3}){3}$/);
    expect(block.placeholders).toBe(0);
    // the names start at the same tab stop as localhost's, as in a terminal
    expect(Math.abs(block.entryNames - block.localhostNames)).toBeLessThan(1);
    await page.close();
  });

  it('says under the block, visibly (no hover), where the marked values come from, and that is the block\'s description', async () => {
    const page = await openStep2();
    const block = await readHostsBlock(page);
    expect(block.note).toMatch(NOTE);
    expect(block.noteInFigure).toBe(true);
    expect(block.noteShown).toBe(true);
    const figure = await readAccessible(page, `[id="${block.id}"]`);
    expect(figure.description).toMatch(NOTE);
    const mark = await readAccessible(page, `[id="${block.id}"] mark`);
    expect(mark.role).toBe('mark'); // announced as marked (highlighted) text
    await page.close();
  });

  it('stays axe clean in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openStep2(scheme);
      expect(await findAxeViolations(page), scheme).toEqual([]);
      await page.close();
    }
  });
});
