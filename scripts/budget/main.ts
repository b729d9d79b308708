// `npm run budget`: measures every page in dist/ and fails naming each page over budget.
// Build first (`npm run build`) with the same BASE_PATH.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readPublishTarget } from '../../site/lib/publish/env.ts';
import { measurePage } from './measure.ts';
import { BUDGET, judgeCosts } from './report.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`budget: ${relative(process.cwd(), dist)}/index.html is missing; run \`npm run build\` first`);
  process.exit(1);
}
const base = readPublishTarget(process.env).base;
const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .sort();
const verdict = judgeCosts(pages.map((page) => measurePage(dist, base, page)), BUDGET);
console.log(verdict.table);
if (verdict.overBudget.length > 0) {
  console.error(`\nover budget:\n${verdict.overBudget.map((line) => `  ${line}`).join('\n')}`);
  console.error('make the page smaller, or move the cost out of it (shared CSS, less inline markup)');
  process.exit(1);
}
console.log(`\nall ${pages.length} pages within budget`);
