// The badge under each doc-tested page's title, in the built site: exactly what the record the
// build read (published as /verification.json) holds for the page's current text
// (site/lib/verify/badge.ts), state first, as a link right after the h1 to the page's section of
// the verification page; in full on a wide screen, in brief on a phone.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePage } from '../../scripts/page/parse.ts';
import { parseRecord, type VerificationRecord } from '../../scripts/verify/record.ts';
import { describePageBadge } from '../../site/lib/verify/badge.ts';
import { launchChromium } from './helpers/browser.ts';
import { ensureBuilt, ROOT } from './helpers/build.ts';
import { serveStatic, type StaticSite } from './helpers/serve.ts';

const pages = readdirSync(join(ROOT, 'content'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => parsePage(`content/${name}`, readFileSync(join(ROOT, 'content', name), 'utf8')).page);
let site: StaticSite;
let browser: Browser;
let record: VerificationRecord;

beforeAll(async () => {
  const built = ensureBuilt();
  site = await serveStatic(built.dir, built.base);
  browser = await launchChromium();
  const url = `${site.root}verification.json`;
  record = parseRecord(await (await fetch(url)).text(), url);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The badge's text and link on page `id` at `width`. */
async function readBadge(id: string, width: number): Promise<{ text?: string | undefined; href?: string | undefined }[]> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const tab = await context.newPage();
  await tab.goto(`${site.root}${id === 'index' ? '' : `${id}/`}`);
  const shown = await tab.$$eval('h1 + p.verified > a', (links) =>
    links.map((a) => ({ text: (a as HTMLElement).innerText.replace(/\s+/g, ' ').trim(), href: (a as HTMLAnchorElement).getAttribute('href') ?? undefined })),
  );
  await context.close();
  return shown;
}

describe('what each page says it was verified on', () => {
  it.each(pages.map((p) => [p.id, p] as const))('%s', async (id, page) => {
    const wide = await readBadge(id, 1280);
    if (!page.frontmatter.snippet) return void expect(wide).toEqual([]); // no commands: no claim
    const badge = describePageBadge(record, id, readFileSync(join(ROOT, page.file), 'utf8'));
    const href = `${site.root.slice(site.origin.length)}verification/#${id}`;
    expect(wide).toEqual([{ text: `${[badge.label, badge.detail].filter(Boolean).join(' ')}`, href }]);
    const phone = await readBadge(id, 360);
    expect(phone).toEqual([{ text: `${[badge.label, badge.brief].filter(Boolean).join(' ')}`, href }]);
  });
});

describe('the record the site was built with', () => {
  // `npm test` builds the site after its doc-tests (the matrix: 20.10, 26.1, 28.5 live; 29.7
  // against its captures), so the badges the site would publish rest on this commit's runs
  it('is this commit\'s run on every engine the tests prove', () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const runs = ['20.10.', '26.1.', '28.5.', '29.7.'].map((prefix) => Object.values(record.engines).find((run) => run.engine.startsWith(prefix)));
    expect(runs.map((run) => run?.engine.split('.').slice(0, 2).join('.'))).toEqual(['20.10', '26.1', '28.5', '29.7']);
    for (const run of runs) {
      expect(run?.commit, `Docker ${run?.engine}: the site was built from an earlier commit's record; build it after the doc-tests (npm test does)`).toBe(head);
    }
  });
});
