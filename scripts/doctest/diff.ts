// The two things a mismatch shows: a unified diff (page vs actual) and the command that updates
// the page from the actual output.
import { createTwoFilesPatch } from 'diff';
import type { Location } from '../page/types.ts';

/** `--- content/step2.mdx:51 (page)` / `+++ actual (Docker 20.10.24)`, hunks with context. */
export function formatDiff(at: Location, expected: string[], actual: string[], engine: string): string {
  const patch = createTwoFilesPatch(
    `${at.file}:${at.line}`,
    'actual',
    expected.map((l) => `${l}\n`).join(''),
    actual.map((l) => `${l}\n`).join(''),
    'page',
    `Docker ${engine}`,
  );
  return patch
    .split('\n')
    .filter((line) => !line.startsWith('====') && !line.startsWith('Index:'))
    .join('\n')
    .trimEnd();
}

/** The command that rewrites the page's output blocks from what the engine printed. */
export function updateCommand(file: string, contentDir: string): string {
  const content = contentDir === 'content' ? '' : ` --content ${contentDir}`;
  return `npm run doctest --${content} --update ${file}`;
}
