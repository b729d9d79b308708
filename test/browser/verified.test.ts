// The badge under each doc-tested page's title, in the built site: exactly what the record the
// build read (published as /verification.json) holds for the page's current text
// (site/lib/verify/badge.ts), as a plain paragraph right after the h1.
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

describe('what each page says it was verified on', () => {
  it.each(pages.map((p) => [p.id, p] as const))('%s', async (id, page) => {
    const tab = await browser.newPage();
    await tab.goto(`${site.root}${id === 'index' ? '' : `${id}/`}`);
    const shown = await tab.$$eval('h1 + p.verified', (ps) => ps.map((p) => p.textContent?.replace(/\s+/g, ' ').trim()));
    await tab.close();
    if (!page.frontmatter.snippet) return void expect(shown).toEqual([]); // no commands: no claim
    const badge = describePageBadge(record, id, readFileSync(join(ROOT, page.file), 'utf8'));
    expect(shown).toEqual([[`${badge.text}.`, badge.note, 'See the record'].filter(Boolean).join(' ')]);
  });
});
