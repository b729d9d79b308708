// Align actual lines to the lines a page wrote: every actual line that a written line matches is
// shown as the written line (tokens kept), every other one as itself, written the page's way (a
// bracket that would read as a token escaped, tokens.ts). The result is both what a diff compares
// against the page and what update mode writes back (only differing lines change), and, for each
// written line a line matched, the text each of its tokens matched (the site's example values).
import { compileLine, matchLine, matchTokens, type Bindings, type LinePattern } from './pattern.ts';
import { linesWildcard } from './redactions.ts';
import { escapeText, isLinesWildcard } from './tokens.ts';

export interface Alignment {
  ok: boolean;
  lines: string[]; // the actual output, written the page's way
  bindings: Bindings;
  values: Map<number, string[]>; // by index of the written line (`...` lines counted): its tokens' matched text, for lines with tokens
}

export interface MatchMode {
  unordered: boolean;
  subset: boolean;
}

/** Picks the matcher for the block's options; `...` in an unordered block makes it a subset. */
export function alignLines(expected: string[], actual: string[], mode: MatchMode, bindings: Bindings): Alignment {
  const hasWildcard = expected.some(isLinesWildcard);
  if (mode.unordered || mode.subset) {
    const written = [...expected.entries()].filter(([, line]) => !isLinesWildcard(line));
    return alignLoose(written, actual, mode.unordered, mode.subset || hasWildcard, bindings);
  }
  return alignExact(expected, actual, bindings);
}

const isWildcard = (p: LinePattern) => isLinesWildcard(p.source);

/** In order, line for line; `...` takes the fewest lines that let the next written line match. */
function alignExact(expected: string[], actual: string[], start: Bindings): Alignment {
  const patterns = expected.map(compileLine);
  const lines: string[] = [];
  const values = new Map<number, string[]>();
  let bindings = start;
  let e = 0;
  let a = 0;
  const matchesAt = (p: LinePattern, i: number) => i < actual.length && matchLine(p, actual[i]!, bindings) !== null;
  while (e < patterns.length || a < actual.length) {
    const p = patterns[e];
    if (p && isWildcard(p)) {
      lines.push(linesWildcard);
      e += 1;
      const next = patterns[e];
      if (!next) a = actual.length;
      else while (a < actual.length && !matchesAt(next, a)) a += 1;
      continue;
    }
    const bound = p && a < actual.length ? matchTokens(p, actual[a]!, bindings) : null;
    if (bound) {
      lines.push(p!.source);
      keepValues(values, e, bound.values);
      bindings = bound.bindings;
      e += 1;
      a += 1;
    } else if (a >= actual.length) {
      e += 1; // a written line with nothing left to match: missing from the output
    } else if (!p) {
      lines.push(escapeText(actual[a++]!)); // output beyond the written lines
    } else if (patterns.slice(e + 1).some((q, k) => !isWildcard(q) && k < 3 && matchesAt(q, a))) {
      e += 1; // the written line is missing; the output continues with a later one
    } else {
      const laterMatch = actual.slice(a + 1, a + 4).some((_, k) => matchesAt(p, a + 1 + k));
      lines.push(escapeText(actual[a++]!));
      if (!laterMatch) e += 1; // replaced rather than inserted
    }
  }
  return { ok: sameLines(lines, expected), lines, bindings, values };
}

/** Unordered and/or subset: each written line takes one actual line; extra lines allowed in a subset. */
function alignLoose(expected: [number, string][], actual: string[], unordered: boolean, subset: boolean, start: Bindings): Alignment {
  const used = new Set<number>();
  const lines: string[] = [];
  const values = new Map<number, string[]>();
  let bindings = start;
  let ok = true;
  let from = 0;
  for (const [index, source] of expected) {
    const p = compileLine(source);
    let found = -1;
    for (let i = unordered ? 0 : from; i < actual.length && found < 0; i += 1) {
      if (used.has(i)) continue;
      const bound = matchTokens(p, actual[i]!, bindings);
      if (!bound) continue;
      [found, bindings] = [i, bound.bindings];
      keepValues(values, index, bound.values);
    }
    if (found >= 0) {
      used.add(found);
      from = found + 1;
      lines.push(source);
      continue;
    }
    ok = false;
    const near = nearestUnused(source, actual, used);
    if (near >= 0) {
      used.add(near);
      lines.push(escapeText(actual[near]!)); // shown where the written line is, so the diff pairs them
    }
  }
  const rest = actual.filter((_, i) => !used.has(i));
  if (!subset && rest.length > 0) {
    ok = false;
    lines.push(...rest.map(escapeText));
  }
  return { ok, lines, bindings, values };
}

function keepValues(values: Map<number, string[]>, index: number, matched: string[]): void {
  if (matched.length > 0) values.set(index, matched);
}

/** The unused actual line sharing the longest start (at least 3 characters) with a written line. */
function nearestUnused(source: string, actual: string[], used: Set<number>): number {
  let best = -1;
  let bestLength = 2;
  for (const [i, line] of actual.entries()) {
    if (used.has(i)) continue;
    let n = 0;
    while (n < line.length && line[n] === source[n]) n += 1;
    if (n > bestLength) [best, bestLength] = [i, n];
  }
  return best;
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
