import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRunner, builtRunnerPath, isFresh, readManifest, refuseNode } from '../../../scripts/doctest/bin.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const now = { node: 'v22.0.0', root: '/work/guide' };
const manifest = { format: 1, node: 'v22.0.0', root: '/work/guide', inputs: { 'scripts/doctest/main.ts': [100, 5] as [number, number], 'scripts/page/parse.ts': [200, 6] as [number, number] } };
const statOf = (files: Record<string, [number, number]>) => (file: string) => files[file];

describe('isFresh: whether the built runner still describes its sources', () => {
  it('is when every source has its size and time', () => {
    expect(isFresh(manifest, statOf(manifest.inputs), now)).toBe(true);
  });
  it('is not when a source changed, is gone, or nothing was listed', () => {
    expect(isFresh(manifest, statOf({ ...manifest.inputs, 'scripts/page/parse.ts': [201, 6] }), now)).toBe(false);
    expect(isFresh(manifest, statOf({ ...manifest.inputs, 'scripts/page/parse.ts': [200, 7] }), now)).toBe(false);
    expect(isFresh(manifest, statOf({ 'scripts/doctest/main.ts': [100, 5] }), now)).toBe(false);
    expect(isFresh({ ...manifest, inputs: {} }, statOf({}), now)).toBe(false);
  });
  it('is not for another Node, another checkout, another format or no manifest', () => {
    expect(isFresh(manifest, statOf(manifest.inputs), { ...now, node: 'v24.0.0' })).toBe(false);
    expect(isFresh(manifest, statOf(manifest.inputs), { ...now, root: '/elsewhere' })).toBe(false);
    expect(isFresh({ ...manifest, format: 0 }, statOf(manifest.inputs), now)).toBe(false);
    expect(isFresh(undefined, statOf(manifest.inputs), now)).toBe(false);
  });
});

describe('readManifest: the first line of a built runner', () => {
  it('reads it, and nothing from a file without one or with a broken one', () => {
    expect(readManifest(`// guide-doctest-runner ${JSON.stringify(manifest)}\nexport {};\n`)).toEqual(manifest);
    expect(readManifest('export {};\n')).toBeUndefined();
    expect(readManifest('// guide-doctest-runner {"format":\nexport {};\n')).toBeUndefined();
  });
});

describe('buildRunner: the runner as one file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runner-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists every source it holds and keeps each one's import.meta", async () => {
    const target = path.join(dir, 'runner.mjs');
    const built = await buildRunner(target);
    const text = readFileSync(target, 'utf8');
    expect(readManifest(text)).toEqual(built);
    expect(Object.keys(built.inputs)).toEqual(expect.arrayContaining(['scripts/doctest/main.ts', 'scripts/page/frontmatter-schema.ts', 'snippets/lib/engine.mjs']));
    expect(Object.keys(built.inputs).some((file) => file.includes('node_modules/zod/v4/classic'))).toBe(false); // zod/mini only
    expect(text).toContain(JSON.stringify(path.join(root, 'scripts/doctest'))); // spawn-snippet.ts finds snippet-host.mjs beside its source
    expect(text).not.toMatch(/\bimport\.meta\.(dirname|filename)\b/);
  }, 60_000);

  it('runs as main.ts does: a wrong option is exit 2 with its message', async () => {
    const target = path.join(dir, 'runner.mjs');
    const built = (await import(pathToFileURL(target).href)) as { main(argv: string[]): Promise<number> };
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    try {
      expect(await built.main(['--no-such-option'])).toBe(2);
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).toMatch(/^doctest: .*--no-such-option/);
  }, 60_000);

  it('lives in node_modules/.cache, one file per checkout', () => {
    expect(path.relative(root, builtRunnerPath())).toMatch(/^node_modules\/\.cache\/guide-doctest\/runner-[0-9a-f]{12}\.mjs$/);
  });
});

describe('refuseNode: a Node.js too old for the runner gets a clear error, not a crash', () => {
  it('accepts 22.12 and later', () => {
    for (const version of ['22.12.0', '22.23.3', '23.0.0', '24.1.0']) expect(refuseNode(version), version).toBeUndefined();
  });

  it('refuses anything older, naming the version, what it needs and what to do', () => {
    for (const version of ['20.20.2', '22.11.0', '18.0.0']) {
      const message = refuseNode(version);
      expect(message, version).toContain(`Node.js ${version} cannot run the doc-test runner, which needs 22.12 or later`);
      expect(message).toContain('What to do: run it as `npm run doctest` after `npm ci`');
    }
  });
});
