// Stage "parse", step 1: find the fenced blocks of a page, each with the line of its opening fence.
import type { PageError } from './types.ts';

export interface Fence {
  lang: string; // "sh", "output", "session", or any other language (ignored by the guide)
  meta: string; // the rest of the opening fence line
  line: number; // 1-based line of the opening fence
  bodyLine: number; // 1-based line of the first body line
  lines: string[]; // body lines, without the fences
}

const OPEN = /^(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/;

/** Scans `text` for fenced code blocks; an unterminated one is an error at its opening fence. */
export function scanFences(file: string, text: string): { fences: Fence[]; errors: PageError[] } {
  const lines = text.split(/\r?\n/);
  const fences: Fence[] = [];
  const errors: PageError[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] ?? '');
    if (!open) continue;
    const marker = open[1] ?? '```';
    const close = findClose(lines, i + 1, marker);
    if (close < 0) {
      errors.push({
        at: { file, line: i + 1 },
        message: `the ${marker}${open[2] ?? ''} block is never closed; add a line with ${marker} after its last line`,
      });
      break;
    }
    fences.push({
      lang: open[2] ?? '',
      meta: (open[3] ?? '').trim(),
      line: i + 1,
      bodyLine: i + 2,
      lines: lines.slice(i + 1, close),
    });
    i = close;
  }
  return { fences, errors };
}

function findClose(lines: string[], from: number, marker: string): number {
  const char = marker[0] ?? '`';
  for (let j = from; j < lines.length; j++) {
    const line = (lines[j] ?? '').trimEnd();
    if (line.length >= marker.length && [...line].every((c) => c === char)) return j;
  }
  return -1;
}
