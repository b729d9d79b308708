// How the site shows the redaction tokens of docs/page-format.md: one display entry per token,
// as data. Matching them against real output is the doc-test's job (scripts/doctest/), not this.

export interface Placeholder {
  label: string; // the chip's text: "IPv4 address · same as redis"
  title: string; // the explanation, shown on hover and read as the chip's description
}

export type Segment = { kind: 'text'; text: string } | { kind: 'placeholder'; token: string; placeholder: Placeholder };

/** Display of each `[KIND]` token. A bracketed word not listed here is literal text. */
export const PLACEHOLDERS: Readonly<Record<string, Placeholder>> = {
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

/** `...` alone on a line: any run of lines. */
export const MORE_LINES: Placeholder = { label: 'more lines', title: 'Lines may appear here, or none; they vary from run to run.' };

const TOKEN_SOURCE = String.raw`\[(?:\.\.|([A-Z][A-Z0-9_]*)(?::([\w-]+)(\+)?)?)\]`;
const ONE_TOKEN = new RegExp(`^${TOKEN_SOURCE}$`);

/** True for a line that stands for any run of lines (`...` alone). */
export function isMoreLines(line: string): boolean {
  return line.trim() === '...';
}

/** The display of one token (`[IPV4:redis]`, `[N:requests+]`, `[..]`), or undefined when it is literal text. */
export function describeToken(token: string): Placeholder | undefined {
  if (token === '[..]') return ANY_TEXT;
  const match = ONE_TOKEN.exec(token);
  if (!match?.[1]) return undefined;
  const base = PLACEHOLDERS[match[1]];
  if (!base) return undefined;
  const name = match[2];
  if (!name) return base;
  if (match[3]) {
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

/** Cuts a line of an output block into literal text and placeholders. */
export function splitRedactions(line: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of line.matchAll(new RegExp(TOKEN_SOURCE, 'g'))) {
    const placeholder = describeToken(match[0]);
    if (!placeholder) continue;
    if (match.index > last) segments.push({ kind: 'text', text: line.slice(last, match.index) });
    segments.push({ kind: 'placeholder', token: match[0], placeholder });
    last = match.index + match[0].length;
  }
  if (last < line.length) segments.push({ kind: 'text', text: line.slice(last) });
  return mergeText(segments);
}

function mergeText(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    if (segment.kind === 'text' && previous?.kind === 'text') previous.text += segment.text;
    else merged.push(segment);
  }
  return merged;
}
