// Update mode: rewrite output and session blocks from what the engine printed. The new lines come
// from align.ts (lines that still match keep their tokens and wildcards; only differing literal
// lines change); everything outside the rewritten blocks' bodies stays byte for byte.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BlockRewrite, CaseResult } from './events.ts';

/** Replaces the body of each block (by its opening fence's line); pure, text in, text out. */
export function rewriteBlocks(file: string, text: string, rewrites: BlockRewrite[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const ordered = [...rewrites].sort((a, b) => b.at.line - a.at.line); // bottom-up: line numbers stay valid
  for (const { at, lines: body } of ordered) {
    const open = lines[at.line - 1] ?? '';
    const fence = /^\s*(`{3,}|~{3,})/.exec(open)?.[1];
    if (!fence) throw new Error(`${file}:${at.line}: expected an output block's opening fence, found "${open}"; the page changed during the run`);
    const close = lines.findIndex((line, i) => i >= at.line && line.trim() === fence);
    if (close < 0) throw new Error(`${file}:${at.line}: the block has no closing ${fence}`);
    lines.splice(at.line, close - at.line, ...body);
  }
  return lines.join(eol);
}

/** Rewrites every page that has rewrites; returns how many blocks each file got. */
export async function updatePages(root: string, rewrites: BlockRewrite[]): Promise<Map<string, number>> {
  const byFile = Map.groupBy(rewrites, (r) => r.at.file);
  const counts = new Map<string, number>();
  for (const [file, blocks] of byFile) {
    const full = path.resolve(root, file);
    const text = await readFile(full, 'utf8');
    await writeFile(full, rewriteBlocks(file, text, blocks));
    counts.set(file, blocks.length);
  }
  return counts;
}

/** The rewrites of the failed cases, limited to the named files (all when none is named). */
export function selectRewrites(failed: CaseResult[], files: string[], root: string): BlockRewrite[] {
  return failed.flatMap((r) => (r.rewrite && (files.length === 0 || files.includes(path.resolve(root, r.rewrite.at.file))) ? [r.rewrite] : []));
}
