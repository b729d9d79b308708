// `npm run snippets`: writes snippets/*.mjs from content/*.mdx.
// `npm run snippets -- --check`: writes nothing; exits 1 naming each stale snippet, with a diff.
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { discoverPages, formatPageError } from '../page/discover.ts';
import { findStale } from './check.ts';
import { renderSnippets, type SnippetFile } from './render.ts';

type Mode = 'write' | 'check';

const root = path.resolve(import.meta.dirname, '../..');

async function readCommitted(): Promise<Map<string, string>> {
  const names = (await readdir(path.join(root, 'snippets'))).filter((n) => n.endsWith('.mjs')).sort();
  const entries = await Promise.all(names.map(async (n) => [`snippets/${n}`, await readFile(path.join(root, 'snippets', n), 'utf8')] as const));
  return new Map(entries);
}

async function writeSnippets(files: SnippetFile[], committed: Map<string, string>): Promise<void> {
  for (const file of files) {
    const target = path.join(root, file.path);
    if (committed.get(file.path) !== file.text) await writeFile(target, file.text);
    await chmod(target, 0o755);
    console.log(`${committed.get(file.path) === file.text ? 'unchanged' : 'wrote'} ${file.path} (from ${file.sources.join(', ')})`);
  }
}

async function findNotExecutable(files: SnippetFile[]): Promise<{ path: string; message: string }[]> {
  const modes = await Promise.all(files.map((f) => stat(path.join(root, f.path)).then((s) => s.mode, () => undefined)));
  return files
    .filter((_, i) => modes[i] !== undefined && ((modes[i] ?? 0) & 0o111) === 0)
    .map((f) => ({ path: f.path, message: `${f.path}: not executable; \`npm run snippets\` sets its run bit` }));
}

async function main(mode: Mode): Promise<number> {
  const { pages, errors } = await discoverPages(root);
  if (errors.length > 0) {
    for (const error of errors) console.error(formatPageError(error));
    console.error(`\n${errors.length} problem(s) in content/; fix the pages, then run \`npm run snippets\` again`);
    return 1;
  }
  const files = renderSnippets(pages);
  const committed = await readCommitted();
  if (mode === 'write') {
    await writeSnippets(files, committed);
    return 0;
  }
  const stale = [...findStale(files, committed), ...(await findNotExecutable(files))];
  for (const s of stale) console.error(s.message);
  if (stale.length > 0) console.error(`\n${stale.length} snippet(s) out of date with content/; run \`npm run snippets\` and commit snippets/`);
  return stale.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.includes('--check') ? 'check' : 'write');
