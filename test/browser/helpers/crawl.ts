// Follows every internal link and asset of a served site, from its root: each must answer 200,
// and each `#fragment` must name an element of its page.
import type { BrowserContext } from 'playwright-core';

export interface CrawlResult {
  pages: string[]; // HTML pages reached, in visit order
  checked: string[]; // every internal URL requested
  broken: string[]; // "url (linked from page): reason"
}

/** Crawls from `root` (served site + base) through the browser, staying on its origin. */
export async function crawlSite(context: BrowserContext, root: string): Promise<CrawlResult> {
  const origin = new URL(root).origin;
  const result: CrawlResult = { pages: [], checked: [], broken: [] };
  const queue: { url: string; from: string }[] = [{ url: root, from: '(start)' }];
  const seen = new Set<string>();
  const page = await context.newPage();
  while (queue.length > 0) {
    const { url, from } = queue.shift() ?? { url: '', from: '' };
    const target = new URL(url);
    const key = `${target.origin}${target.pathname}`;
    if (target.hash) await checkFragment(context, key, target.hash, from, result);
    if (seen.has(key)) continue;
    seen.add(key);
    result.checked.push(key);
    const response = await context.request.get(key);
    if (response.status() !== 200) {
      result.broken.push(`${key} (linked from ${from}): HTTP ${response.status()}`);
      continue;
    }
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    result.pages.push(key);
    await page.goto(key);
    const links = await page.$$eval('a[href], link[href], script[src], img[src]', (elements) =>
      elements.map((element) => (element as HTMLAnchorElement).href || (element as HTMLScriptElement).src),
    );
    for (const link of links) if (new URL(link).origin === origin) queue.push({ url: link, from: key });
  }
  await page.close();
  return result;
}

async function checkFragment(context: BrowserContext, key: string, hash: string, from: string, result: CrawlResult): Promise<void> {
  const html = await (await context.request.get(key)).text();
  const id = decodeURIComponent(hash.slice(1));
  if (!html.includes(`id="${id}"`)) result.broken.push(`${key}${hash} (linked from ${from}): no element with id "${id}"`);
}
