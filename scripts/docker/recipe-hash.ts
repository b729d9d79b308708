// The cache key of a stand-in: a hash over its recipe folder and the scripts that build it.
// Same files, same hash, no rebuild; change one byte and the image is built again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ignoredNames = new Set(['node_modules', '.DS_Store']);

/** Every file under each path (a file or a folder), as sorted absolute paths. */
export function listRecipeFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (p: string): void => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p)) if (!ignoredNames.has(name)) visit(path.join(p, name));
    } else files.push(p);
  };
  for (const p of paths) visit(p);
  return [...new Set(files)].sort();
}

/** Hash of names (relative to root) and contents of the files; 16 hex characters. */
export function hashRecipe(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of listRecipeFiles(paths)) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
