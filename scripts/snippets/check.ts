// Stage "generate", mode "check": which committed snippets differ from what the pages generate (pure).
import { createTwoFilesPatch } from 'diff';
import type { SnippetFile } from './render.ts';

export interface Stale {
  path: string;
  message: string; // names the file and its page, then a unified diff (committed -> generated)
}

/**
 * Compares each generated file with the committed text (`undefined`: no such file), and lists
 * committed snippets no page generates.
 */
export function findStale(generated: SnippetFile[], committed: Map<string, string>): Stale[] {
  const stale: Stale[] = [];
  for (const file of generated) {
    const actual = committed.get(file.path);
    if (actual === file.text) continue;
    const from = file.sources.join(' and ');
    if (actual === undefined) {
      stale.push({ path: file.path, message: `${file.path}: missing; ${from} generates it` });
      continue;
    }
    const patch = createTwoFilesPatch(`${file.path} (committed)`, `${file.path} (generated from ${from})`, actual, file.text, '', '', { context: 2 });
    stale.push({ path: file.path, message: `${file.path}: differs from what ${from} generates\n${patch.split('\n').filter((l) => !/^(Index:|=+$)/.test(l)).join('\n')}` });
  }
  const expected = new Set(generated.map((f) => f.path));
  for (const path of committed.keys()) {
    if (!expected.has(path)) stale.push({ path, message: `${path}: no page generates it; delete it, or add \`snippet:\` to its page` });
  }
  return stale;
}
