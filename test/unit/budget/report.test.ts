import { describe, expect, it } from 'vitest';
import { judgeCosts, kb } from '../../../scripts/budget/report.ts';

const cost = (page: string, html: number, css: number, js: number) => ({ page, htmlGzip: html, cssGzip: css, inlineJsGzip: js, linkedJsGzip: 0 });

describe('judgeCosts', () => {
  it('prints a row per page and passes pages within budget', () => {
    const verdict = judgeCosts([cost('index.html', 2048, 1024, 300)], { jsGzip: 2048, htmlCssGzip: 12288 });
    expect(verdict.overBudget).toEqual([]);
    expect(verdict.table).toMatchInlineSnapshot(`
      "page             JS gz  HTML gz   CSS gz  HTML+CSS gz
      index.html     0.29 KB  2.00 KB  1.00 KB      3.00 KB
      budget      <= 2.00 KB                    <= 12.00 KB"
    `);
  });

  it('names each page and figure over budget', () => {
    const verdict = judgeCosts([cost('step2/index.html', 12000, 1000, 2049)], { jsGzip: 2048, htmlCssGzip: 12288 });
    expect(verdict.overBudget).toEqual([
      'dist/step2/index.html: JavaScript 2.00 KB gzipped is over the 2.00 KB budget',
      'dist/step2/index.html: HTML+CSS 12.70 KB gzipped is over the 12.00 KB budget',
    ]);
  });
});

describe('kb', () => {
  it('shows bytes as kilobytes with two decimals', () => {
    expect(kb(1536)).toBe('1.50 KB');
  });
});
