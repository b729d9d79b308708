// THE grammar of what output and session blocks are written with (docs/page-format.md): the tokens
// of the redaction table (redactions.ts) as `[NAME]`, `[NAME:capture]` and, for a number,
// `[N:capture+]`; `[..]`; `\` before a bracket that would read as a token, for that text
// itself; and `...` alone on a line for any run of lines. Every reader of a written line goes
// through `readTokens` and `isLinesWildcard`: the page check, where an unknown token is a page
// error at discovery (scripts/page/blocks.ts, and so the site build too), the matcher (pattern.ts,
// align.ts) and the site's placeholders (site/lib/blocks/redactions.ts). `escapeText` writes actual
// output the same way back (align.ts: diffs and --update), so a page never gets text that would
// read as a token. Pure.
import type { Location, PageError } from '../page/types.ts';
import { findRedaction, lineWildcard, linesWildcard, redactions, type Redaction } from './redactions.ts';

export type Piece =
  | { kind: 'text'; text: string } // literal text, escapes removed
  | { kind: 'any' } // `[..]`
  | { kind: 'token'; redaction: Redaction; capture?: string; rising: boolean };

export interface UnknownToken {
  token: string; // as written: `[FOO]`, `[IPV4:]`
  index: number; // where it starts in the line
}

// What reads as a token: a run of dots, or an upper-case name with anything after a colon, in
// brackets; `\` just before it makes it text. Any other bracket (`[1]`, `[ ok ]`, `[notice]`) is text.
const SHAPED_SOURCE = String.raw`\[(?:\.+|[A-Z][A-Z0-9_]*(?::[^[\]]*)?)\]`;
const SHAPED = new RegExp(String.raw`(\\?)(${SHAPED_SOURCE})`, 'g');
const SHAPED_ONLY = new RegExp(SHAPED_SOURCE, 'g');
const KNOWN = /^\[([A-Z][A-Z0-9_]*)(?::([a-z][a-z0-9_-]*)(\+)?)?\]$/;

/** A written line as text, `[..]` and tokens; each token-shaped bracket the grammar does not know is `unknown` (and text). */
export function readTokens(line: string): { pieces: Piece[]; unknown: UnknownToken[] } {
  const pieces: Piece[] = [];
  const unknown: UnknownToken[] = [];
  let text = '';
  let last = 0;
  for (const m of line.matchAll(SHAPED)) {
    const [whole, escaped, token = ''] = m;
    text += line.slice(last, m.index);
    last = m.index + whole.length;
    const piece = escaped ? undefined : readToken(token);
    if (!piece) {
      if (!escaped) unknown.push({ token, index: m.index });
      text += token;
      continue;
    }
    if (text) pieces.push({ kind: 'text', text });
    text = '';
    pieces.push(piece);
  }
  text += line.slice(last);
  if (text) pieces.push({ kind: 'text', text });
  return { pieces, unknown };
}

function readToken(token: string): Piece | undefined {
  if (token === lineWildcard) return { kind: 'any' };
  const m = KNOWN.exec(token);
  const redaction = m ? findRedaction(m[1] ?? '') : undefined;
  if (!m || !redaction) return undefined;
  const rising = m[3] === '+';
  if (rising && !redaction.rising) return undefined;
  return m[2] ? { kind: 'token', redaction, capture: m[2], rising } : { kind: 'token', redaction, rising };
}

/**
 * True for a written line that stands for any run of lines: `...` alone. Trailing spaces do not
 * count (they never do in a written line: normalize.ts); anything before it does, so `  ...` is text.
 */
export function isLinesWildcard(line: string): boolean {
  return line.trimEnd() === linesWildcard;
}

/** Actual text as a page writes it: `\` before each bracket that would read as a token (`[OK]` -> `\[OK]`). */
export function escapeText(text: string): string {
  return text.replace(SHAPED_ONLY, '\\$&');
}

/** The page error for each unknown token in a block's lines, at the line it is on. */
export function checkTokens(at: Location, bodyLine: number, lines: string[]): PageError[] {
  return lines.flatMap((line, index) =>
    readTokens(line).unknown.map(({ token }) => ({ at: { file: at.file, line: bodyLine + index }, message: describeUnknownToken(token) })),
  );
}

/** `unknown token [FOO]; known tokens: [CONTAINER_ID], …` with the forms a capture takes and the escape. */
export function describeUnknownToken(token: string): string {
  const known = [...redactions.map((r) => `[${r.name}]`), lineWildcard].join(', ');
  const rising = redactions.filter((r) => r.rising).map((r) => `[${r.name}:name+]`).join(', ');
  return `unknown token ${token}; known tokens: ${known}; with a capture [TOKEN:name] (name: a-z 0-9 _ -)` +
    `${rising ? `, rising ${rising}` : ''}; for the text itself write \\${token} (docs/page-format.md)`;
}
