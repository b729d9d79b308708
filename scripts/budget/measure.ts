// Stage "measure": what one built page costs a reader, gzipped: its HTML with inline styles and
// scripts, the stylesheets it links, the scripts it loads (and the modules they import).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageCost {
  page: string; // "step2/index.html", relative to dist/
  htmlGzip: number; // the HTML file, inline <style> and <script> included
  cssGzip: number; // linked stylesheets
  inlineJsGzip: number; // inline <script> bodies, counted again on their own
  linkedJsGzip: number; // <script src> files and what they import
}

/** gzip -9 size of a text, as a static host would serve it. */
export function gzipSize(text: string | Buffer): number {
  return gzipSync(text, { level: 9 }).length;
}

/** Measures `page` (relative to `dist`); an asset the page names but dist lacks is an error. */
export function measurePage(dist: string, base: string, page: string): PageCost {
  const html = readFileSync(join(dist, page), 'utf8');
  const read = (url: string): string => readAsset(dist, base, url, page);
  const css = findAll(html, /<link\b[^>]*\brel="stylesheet"[^>]*>/g).map((tag) => read(attribute(tag, 'href')));
  const inlineJs = findAll(html, /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g, 1);
  const linkedJs = collectScripts(findAll(html, /<script\b[^>]*\bsrc="([^"]+)"/g, 1), read);
  return {
    page,
    htmlGzip: gzipSize(html),
    cssGzip: css.reduce((sum, text) => sum + gzipSize(text), 0),
    inlineJsGzip: inlineJs.reduce((sum, text) => sum + gzipSize(text), 0),
    linkedJsGzip: linkedJs.reduce((sum, text) => sum + gzipSize(text), 0),
  };
}

/** Every script file reached from `urls`, following static `import` of relative modules once each. */
export function collectScripts(urls: readonly string[], read: (url: string) => string): string[] {
  const seen = new Set<string>();
  const texts: string[] = [];
  const queue = [...urls];
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    seen.add(url);
    const text = read(url);
    texts.push(text);
    for (const spec of findAll(text, /\bimport\s*(?:[^'"`;]*?\bfrom\s*)?["']([^"']+)["']/g, 1)) {
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(new URL(spec, `http://x${url}`).pathname);
    }
  }
  return texts;
}

function readAsset(dist: string, base: string, url: string, page: string): string {
  const path = new URL(url, `http://x/${page}`).pathname;
  const relative = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  const file = join(dist, relative);
  if (!existsSync(file)) throw new Error(`dist/${page} loads ${url}, which is not in dist/ (${file}); rebuild with the same BASE_PATH`);
  return readFileSync(file, 'utf8');
}

function findAll(text: string, pattern: RegExp, group = 0): string[] {
  return [...text.matchAll(pattern)].map((match) => match[group] ?? '');
}

function attribute(tag: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
}
