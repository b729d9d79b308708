// The single-file scripts the site offers (scripts/snippets/bundle.ts), built from the real
// snippets and from fixture entries (test/unit/snippets/fixtures/bundle/).
import { readdir } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { transform } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { discoverPages } from '../../../scripts/page/discover.ts';
import { isProvoked, TROUBLESHOOT } from '../../../scripts/page/commands.ts';
import { orderNeeds, orderWithNeeds } from '../../../scripts/page/needs.ts';
import type { Page } from '../../../scripts/page/types.ts';
import { bundleAll, bundleSnippet, type Bundle } from '../../../scripts/snippets/bundle.ts';
import { toCommandLiteral } from '../../../scripts/snippets/js.ts';
import { CLEANUP } from '../../../scripts/snippets/render.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const fixtures = 'test/unit/snippets/fixtures/bundle';

let bundles: Bundle[] = [];
let pages: Page[] = [];

beforeAll(async () => {
  bundles = await bundleAll(root);
  pages = (await discoverPages(root)).pages;
});

/**
 * The command texts a snippet runs, from the pages: a step's needs (its set-up) and its own; every
 * clean-up block; the troubleshooting blocks after the pages they are on (their set-up).
 */
function commandsOf(snippet: string): string[] {
  const own = (page: Page) => page.commands.filter((c) => c.snippet !== undefined && c.snippet === page.frontmatter.snippet);
  if (snippet === CLEANUP) return pages.flatMap((page) => page.commands.filter((c) => c.snippet === CLEANUP)).map((c) => c.text);
  if (snippet === TROUBLESHOOT) {
    const on = pages.filter((page) => page.commands.some(isProvoked));
    return [...orderWithNeeds(on, pages).flatMap(own), ...pages.flatMap((page) => page.commands.filter(isProvoked))].map((c) => c.text);
  }
  const page = pages.find((candidate) => candidate.frontmatter.snippet === snippet);
  if (!page) throw new Error(`no page has snippet: ${snippet}`);
  return [...orderNeeds(page, pages), page].flatMap(own).map((c) => c.text);
}

/** A command as esbuild prints the snippet's literal of it (the bundle is esbuild's printing of the snippet). */
async function printLiteral(text: string): Promise<string> {
  const { code } = await transform(`f(${toCommandLiteral(text)});`, { charset: 'utf8' });
  return code.slice('f('.length, -');\n'.length);
}

/** What a module's text imports, read from its code (comments left out): static specifiers and literal import() ones. */
function readImports(text: string): { statics: string[]; dynamic: string[] } {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const statics = [...code.matchAll(/^\s*(?:import|export)\b[^;()'"`]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2] ?? '');
  const dynamic = [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '');
  return { statics, dynamic };
}

const isRelative = (specifier: string) => /^\.{0,2}\//.test(specifier);

describe('bundleAll', () => {
  it('bundles every snippet in snippets/, sorted by name', async () => {
    const names = (await readdir(path.join(root, 'snippets'))).filter((name) => name.endsWith('.mjs')).sort();
    expect(bundles.map((b) => b.name)).toEqual(names);
    expect(names).toEqual(expect.arrayContaining(['cleanup.mjs', 'networks.mjs', 'step1.mjs', 'step2.mjs', 'step3.mjs', 'step4.mjs']));
  });

  it('gives each the same text bundleSnippet does', async () => {
    const step3 = await bundleSnippet('snippets/step3.mjs', root);
    expect(step3.name).toBe('step3.mjs');
    expect(bundles.find((b) => b.name === 'step3.mjs')?.text).toBe(step3.text);
  });
});

describe('each snippet bundle', () => {
  it('starts with the shebang, then the snippet header, its run line naming the file as downloaded', () => {
    for (const { name, text } of bundles) {
      expect(text.startsWith('#!/usr/bin/env zx\n'), name).toBe(true);
      expect(text, name).toContain(`\n// Run it: npx zx ${name} `);
      expect(text, name).not.toContain(`npx zx snippets/${name}`);
      expect(text, name).toContain(`// One file: built from snippets/${name} and snippets/lib/ by \`scripts/snippets/bundle.ts\`. Do not edit it`);
      expect(text, name).toContain(`// Run it with \`npx zx ${name}\` in any folder: it needs only Node.js 20 or later and Docker.`);
    }
  });

  it('contains every command its snippet runs, as the pages write it', async () => {
    for (const { name, text } of bundles) {
      const commands = commandsOf(name.replace(/\.mjs$/, ''));
      expect(commands.length, name).toBeGreaterThan(0);
      for (const command of commands) expect(text, `${name}: ${command}`).toContain(await printLiteral(command));
    }
  });

  it('imports no relative path and no package statically: only Node built-ins', () => {
    for (const { name, text } of bundles) {
      const { statics, dynamic } = readImports(text);
      expect(statics, name).toContain('node:fs'); // the reader sees the imports that are there
      expect(statics.filter((specifier) => !isBuiltin(specifier)), name).toEqual([]);
      expect([...statics, ...dynamic].filter(isRelative), name).toEqual([]);
    }
  });

  it('is readable: not minified, each runtime module under its own path', () => {
    const step3 = bundles.find((b) => b.name === 'step3.mjs')?.text ?? '';
    expect(step3).toContain('\n// snippets/lib/step.mjs\n');
    expect(step3).toContain('\n// snippets/step3.mjs\nvar step = defineStep(');
    expect(Math.max(...step3.split('\n').map((line) => line.length))).toBeLessThan(1000);
  });
});

describe('bundleSnippet on fixture entries', () => {
  it('inlines relative imports, import() of a relative path too, and keeps import() of a package', async () => {
    const { name, text } = await bundleSnippet(`${fixtures}/lazy.mjs`, root);
    expect(name).toBe('lazy.mjs');
    expect(text.split('\n').slice(0, 9).join('\n')).toBe(`#!/usr/bin/env zx
// Lazy: a fixture entry for scripts/snippets/bundle.ts.
//
// Run it: npx zx lazy.mjs (or node lazy.mjs). Running it twice is safe.
//
// One file: built from ${fixtures}/lazy.mjs and snippets/lib/ by \`scripts/snippets/bundle.ts\`. Do not edit it: edit
// the page (\`npm run snippets\` regenerates the snippet, and the site rebuilds this file from it).
// Run it with \`npx zx lazy.mjs\` in any folder: it needs only Node.js 20 or later and Docker.
`);
    const { statics, dynamic } = readImports(text);
    expect(statics).toEqual(['node:path']);
    expect(dynamic).toEqual(['@xterm/headless']);
    expect(text).toContain('function greet(name)');
    expect(text).toContain('function loadTerminal()');
  });

  it('fails on a package imported statically, naming the entry, the module and the package', async () => {
    await expect(bundleSnippet(`${fixtures}/static-import.mjs`, root)).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: test/unit/snippets/fixtures/bundle/static-import.mjs: the bundle would not run in an empty folder:
        test/unit/snippets/fixtures/bundle/lib/uses-zx.mjs imports the package zx statically (import-statement)
      load a package only where it is needed, with loadOptional (snippets/lib/optional.mjs)]
    `);
  });

  it("turns esbuild's errors into one that names the file, and where", async () => {
    await expect(bundleSnippet(`${fixtures}/missing.mjs`, root)).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: test/unit/snippets/fixtures/bundle/missing.mjs: esbuild could not bundle it:
        test/unit/snippets/fixtures/bundle/missing.mjs:2:25: Could not resolve "./lib/nowhere.mjs"]
    `);
  });

  it("turns esbuild's warnings into an error too", async () => {
    await expect(bundleSnippet(`${fixtures}/warns.mjs`, root)).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: test/unit/snippets/fixtures/bundle/warns.mjs: esbuild warned while bundling it:
        test/unit/snippets/fixtures/bundle/warns.mjs:2:24: Duplicate key "step" in object literal]
    `);
  });

  it('names a file that does not exist', async () => {
    await expect(bundleSnippet(`${fixtures}/absent.mjs`, root)).rejects.toThrowErrorMatchingInlineSnapshot(`[Error: test/unit/snippets/fixtures/bundle/absent.mjs: cannot read it (ENOENT)]`);
  });
});
