import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { hashRecipe, listRecipeFiles } from '../../../scripts/docker/recipe-hash.ts';

function makeRecipe(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'recipe-'));
  mkdirSync(path.join(root, 'images', 'node_modules'), { recursive: true });
  writeFileSync(path.join(root, 'images', 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(path.join(root, 'images', 'node_modules', 'big.js'), 'ignored');
  writeFileSync(path.join(root, 'build.ts'), 'export {};\n');
  return root;
}

describe('hashRecipe', () => {
  test('lists files below folders, sorted, without node_modules', () => {
    const root = makeRecipe();
    expect(listRecipeFiles([path.join(root, 'images'), path.join(root, 'build.ts')]).map((f) => path.relative(root, f))).toEqual([
      'build.ts',
      'images/Dockerfile',
    ]);
  });

  test('is stable for the same files and changes with a byte of content or a name', () => {
    const root = makeRecipe();
    const paths = [path.join(root, 'images'), path.join(root, 'build.ts')];
    const before = hashRecipe(root, paths);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(hashRecipe(root, paths)).toBe(before);
    writeFileSync(path.join(root, 'images', 'node_modules', 'big.js'), 'still ignored');
    expect(hashRecipe(root, paths)).toBe(before);
    writeFileSync(path.join(root, 'images', 'Dockerfile'), 'FROM scratch\n\n');
    const edited = hashRecipe(root, paths);
    expect(edited).not.toBe(before);
    writeFileSync(path.join(root, 'images', 'extra'), '');
    expect(hashRecipe(root, paths)).not.toBe(edited);
  });
});
