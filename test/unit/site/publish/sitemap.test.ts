import { describe, expect, it } from 'vitest';
import { renderSitemap } from '../../../../site/lib/publish/sitemap.ts';

describe('renderSitemap', () => {
  it('lists each URL, escaped, in a sitemaps.org urlset', () => {
    expect(renderSitemap(['https://x.io/guide/', 'https://x.io/guide/step1/?a=1&b=2'])).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://x.io/guide/</loc></url>
        <url><loc>https://x.io/guide/step1/?a=1&amp;b=2</loc></url>
      </urlset>
      "
    `);
  });
});
