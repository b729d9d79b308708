import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEAN_NODE_FLAGS, runnerArgv } from '../../../scripts/doctest/node-flags.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the runner starts the same way everywhere', () => {
  it('npm run doctest is node with the lean flags and the launcher, as runnerArgv says', () => {
    const [, ...args] = runnerArgv(root);
    expect(scripts.doctest).toBe(['node', ...LEAN_NODE_FLAGS, path.relative(root, args.at(-1)!)].join(' '));
  });
  it('lite mode, said without a warning', () => {
    expect(LEAN_NODE_FLAGS).toEqual(['--lite-mode', '--no-expose-wasm']);
  });
});
