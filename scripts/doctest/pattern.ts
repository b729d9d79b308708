// One expected line as a matcher: literal text, redaction tokens (redactions.ts), `[..]`,
// captures `[IPV4:redis]` (same value everywhere on the page) and rising captures
// `[N:requests+]` (greater than the value last bound, then rebinds).
import { findRedaction, lineWildcard, tokenPattern } from './redactions.ts';

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

/** Splits a written line into literal text and tokens; an unknown `[NAME]` stays literal. */
export function compileLine(source: string): LinePattern {
  const parts: Part[] = [];
  let last = 0;
  for (const m of source.matchAll(tokenPattern)) {
    const redaction = m[0] === lineWildcard ? undefined : findRedaction(m[1] ?? '');
    if (m[0] !== lineWildcard && !redaction) continue;
    if (m.index > last) parts.push({ kind: 'literal', text: source.slice(last, m.index) });
    parts.push(
      redaction ? { kind: 'token', pattern: redaction.pattern, capture: m[2], rising: m[3] === '+' } : { kind: 'any' },
    );
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push({ kind: 'literal', text: source.slice(last) });
  return { source, parts };
}

/** True when the line holds no token: it can only match itself. */
export function isLiteral(pattern: LinePattern): boolean {
  return pattern.parts.every((p) => p.kind === 'literal');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches one actual line; returns the bindings extended by its captures, or null. */
export function matchLine(pattern: LinePattern, text: string, bindings: Bindings): Map<string, string> | null {
  const groups: { capture: string; rising: boolean }[] = [];
  const firstGroup = new Map<string, number>();
  const source = pattern.parts
    .map((part) => {
      if (part.kind === 'literal') return escape(part.text);
      if (part.kind === 'any') return '.*?';
      const { capture, rising } = part;
      if (capture === undefined) return `(?:${part.pattern})`;
      const bound = bindings.get(capture);
      if (bound !== undefined && !rising) return escape(bound);
      const seen = firstGroup.get(capture);
      if (seen !== undefined && !rising) return `\\${seen}`;
      groups.push({ capture, rising });
      firstGroup.set(capture, groups.length);
      return `(${part.pattern})`;
    })
    .join('');
  const m = new RegExp(`^${source}$`).exec(text);
  if (!m) return null;
  const next = new Map(bindings);
  for (const [index, { capture, rising }] of groups.entries()) {
    const value = m[index + 1] ?? '';
    const before = bindings.get(capture);
    if (rising && before !== undefined && !(Number(value) > Number(before))) return null;
    next.set(capture, value);
  }
  return next;
}
