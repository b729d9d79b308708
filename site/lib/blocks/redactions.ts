// How the site shows the redaction tokens of docs/page-format.md: one display entry per token,
// as data, keyed by the names of the doc-test's table (scripts/doctest/redactions.ts). What is a
// token, an escape or a `...` line is the doc-test's grammar (scripts/doctest/tokens.ts), so a
// line shows what the doc-test compares; matching real output is the doc-test's job, not this.
// Where a verified run recorded what a token matched (site/lib/blocks/examples.ts), the line
// shows that value instead, as the real line: the placeholder stays for every other token.
import type { RedactionName } from '../../../scripts/doctest/redactions.ts';
import { readTokens, type Piece } from '../../../scripts/doctest/tokens.ts';

export interface Placeholder {
  label: string; // the chip's text: "IPv4 address · same as redis"
  title: string; // the explanation, shown on hover and read as the chip's description
}

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; placeholder: Placeholder }
  | { kind: 'value'; text: string }; // what the token matched in a recorded run

/** Display of each `[NAME]` token: every name of the doc-test's table, and no other. */
export const PLACEHOLDERS: Readonly<Record<RedactionName, Placeholder>> = {
  CONTAINER_ID: { label: 'container id', title: "A container's full 64-character id; yours will differ." },
  NETWORK_ID: { label: 'network id', title: "A network's full 64-character id; yours will differ." },
  SHORT_ID: { label: 'short id', title: "A 12-character id, also a container's host name; yours will differ." },
  IPV4: { label: 'IPv4 address', title: 'An IPv4 address Docker assigned; yours may differ.' },
  IPV6: { label: 'IPv6 address', title: 'An IPv6 address; yours may differ.' },
  IP: { label: 'IP address', title: 'An IP address; yours may differ.' },
  NAME: { label: 'generated name', title: 'A name Docker made up, such as eager_turing; yours will differ.' },
  HOSTNAME: { label: 'host name', title: 'A host name, such as redis-server; yours may differ.' },
  N: { label: 'number', title: 'A whole number; yours may differ.' },
  MS: { label: 'time', title: 'A duration such as 0.081 ms; yours will differ.' },
  STATS: { label: 'ping statistics', title: 'Round-trip times such as 0.081/0.090/0.102 (min/avg/max); yours will differ.' },
  TIMESTAMP: { label: 'date and time', title: 'A date and time; yours will differ.' },
};

/** `[..]`: any text within one line. */
export const ANY_TEXT: Placeholder = { label: '…', title: 'Any text: this part of the line varies.' };

/** `...` alone on a line (`isLinesWildcard` of scripts/doctest/tokens.ts): any run of lines. */
export const MORE_LINES: Placeholder = { label: 'more lines', title: 'Lines may appear here, or none; they vary from run to run.' };

/** The display of a token or `[..]` as the grammar read it: a capture says what it is the same as, a rising one that it grew. */
export function describePiece(piece: Exclude<Piece, { kind: 'text' }>): Placeholder {
  if (piece.kind === 'any') return ANY_TEXT;
  const base = PLACEHOLDERS[piece.redaction.name as RedactionName];
  if (!base) throw new Error(`site/lib/blocks/redactions.ts has no display entry for [${piece.redaction.name}]; add one to PLACEHOLDERS`);
  const name = piece.capture;
  if (name === undefined) return base;
  if (piece.rising) {
    return {
      label: `${base.label} · more than before`,
      title: `${base.title} It is greater than the “${name}” value shown earlier on this page.`,
    };
  }
  return {
    label: `${base.label} · same as ${name}`,
    title: `${base.title} Every place on this page marked “same as ${name}” shows the same value.`,
  };
}

/**
 * Cuts a written line of an output or session block into text (escapes removed) and placeholders;
 * with `values` (each token's recorded text, in order; `[..]` has none), a token that has one is
 * that value.
 */
export function splitRedactions(line: string, values: readonly string[] = []): Segment[] {
  let token = 0;
  return readTokens(line).pieces.map((piece): Segment => {
    if (piece.kind === 'text') return { kind: 'text', text: piece.text };
    const value = piece.kind === 'token' ? values[token++] : undefined;
    return value === undefined ? { kind: 'placeholder', placeholder: describePiece(piece) } : { kind: 'value', text: value };
  });
}
