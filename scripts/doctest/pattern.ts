// One expected line as a matcher: literal text, redaction tokens (read by tokens.ts), `[..]`,
// captures `[IPV4:redis]` (same value everywhere on the page) and rising captures
// `[N:requests+]` (greater than the value last bound, then rebinds).
import { readTokens } from './tokens.ts';

/** Values bound by captures so far on one page: capture name -> matched text. */
export type Bindings = ReadonlyMap<string, string>;

type Part =
  | { kind: 'literal'; text: string }
  | { kind: 'any' }
  | { kind: 'token'; pattern: string; capture?: string; rising: boolean };

export interface LinePattern {
  source: string; // the line as written on the page
  parts: Part[];
}

/** A written line as literal text and tokens (the grammar is tokens.ts; an unknown token, a page error at discovery, stays literal). */
export function compileLine(source: string): LinePattern {
  const parts = readTokens(source).pieces.map((piece): Part => {
    if (piece.kind === 'text') return { kind: 'literal', text: piece.text };
    if (piece.kind === 'any') return { kind: 'any' };
    return { kind: 'token', pattern: piece.redaction.pattern, capture: piece.capture, rising: piece.rising };
  });
  return { source, parts };
}

/** True when the line holds no token: it can only match itself. */
export function isLiteral(pattern: LinePattern): boolean {
  return pattern.parts.every((p) => p.kind === 'literal');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What one actual line gave a written line: the bindings extended by its captures, and each token's text in order (`[..]` has none). */
export interface LineMatch {
  bindings: Map<string, string>;
  values: string[];
}

/** Matches one actual line; returns the bindings extended by its captures, or null. */
export function matchLine(pattern: LinePattern, text: string, bindings: Bindings): Map<string, string> | null {
  return matchTokens(pattern, text, bindings)?.bindings ?? null;
}

/** Matches one actual line; returns its bindings and the value each token matched, or null. Every token is a group. */
export function matchTokens(pattern: LinePattern, text: string, bindings: Bindings): LineMatch | null {
  const groups: { capture?: string; rising: boolean }[] = [];
  const firstGroup = new Map<string, number>();
  const source = pattern.parts
    .map((part) => {
      if (part.kind === 'literal') return escape(part.text);
      if (part.kind === 'any') return '.*?';
      const { capture, rising } = part;
      groups.push({ capture, rising });
      if (capture === undefined) return `(${part.pattern})`;
      const bound = bindings.get(capture);
      if (bound !== undefined && !rising) return `(${escape(bound)})`;
      const seen = firstGroup.get(capture);
      if (seen !== undefined && !rising) return `(\\${seen})`;
      firstGroup.set(capture, groups.length);
      return `(${part.pattern})`;
    })
    .join('');
  const m = new RegExp(`^${source}$`).exec(text);
  if (!m) return null;
  const next = new Map(bindings);
  const values = groups.map((_, index) => m[index + 1] ?? '');
  for (const [index, { capture, rising }] of groups.entries()) {
    if (capture === undefined) continue;
    const value = values[index]!;
    const before = bindings.get(capture);
    if (rising && before !== undefined && !(Number(value) > Number(before))) return null;
    next.set(capture, value);
  }
  return { bindings: next, values };
}
