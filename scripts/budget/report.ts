// Stage "report": the budget table and the verdict, from measured costs alone.
import type { PageCost } from './measure.ts';

export interface Budget {
  jsGzip: number; // bytes: inline + linked JavaScript, gzipped
  htmlCssGzip: number; // bytes: HTML + linked CSS, gzipped
}

export const BUDGET: Budget = { jsGzip: 2 * 1024, htmlCssGzip: 12 * 1024 };

export interface Verdict {
  table: string;
  overBudget: string[]; // one line per page and figure over budget
}

/** The JS and HTML+CSS figures of every page against the budget. */
export function judgeCosts(costs: readonly PageCost[], budget: Budget = BUDGET): Verdict {
  const rows = costs.map((cost) => {
    const js = cost.inlineJsGzip + cost.linkedJsGzip;
    const htmlCss = cost.htmlGzip + cost.cssGzip;
    return { page: cost.page, js, htmlCss, html: cost.htmlGzip, css: cost.cssGzip };
  });
  const overBudget = rows.flatMap((row) => [
    ...(row.js > budget.jsGzip ? [`dist/${row.page}: JavaScript ${kb(row.js)} gzipped is over the ${kb(budget.jsGzip)} budget`] : []),
    ...(row.htmlCss > budget.htmlCssGzip
      ? [`dist/${row.page}: HTML+CSS ${kb(row.htmlCss)} gzipped is over the ${kb(budget.htmlCssGzip)} budget`]
      : []),
  ]);
  const header = ['page', 'JS gz', 'HTML gz', 'CSS gz', 'HTML+CSS gz'];
  const body = rows.map((row) => [row.page, kb(row.js), kb(row.html), kb(row.css), kb(row.htmlCss)]);
  const footer = ['budget', `<= ${kb(budget.jsGzip)}`, '', '', `<= ${kb(budget.htmlCssGzip)}`];
  return { table: formatTable([header, ...body, footer]), overBudget };
}

/** 1536 -> "1.50 KB". */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}

function formatTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]): string =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return rows.map(line).join('\n');
}
