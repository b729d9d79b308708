import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOnPath } from '../../../../snippets/lib/engine.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'guide-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findOnPath: the docker CLI, found as the shell finds it', () => {
  it('finds the first executable of that name on PATH', () => {
    writeFileSync(path.join(dir, 'docker'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findOnPath('docker', { PATH: ['/nonexistent', dir].join(path.delimiter) })).toBe(path.join(dir, 'docker'));
  });
  it('skips a file that is not executable, and says undefined when none is', () => {
    writeFileSync(path.join(dir, 'plain'), 'x', { mode: 0o644 });
    expect(findOnPath('plain', { PATH: dir })).toBeUndefined();
    expect(findOnPath('docker', { PATH: '' })).toBeUndefined();
  });
});
