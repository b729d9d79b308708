// THE table of redactions: the tokens a page may write where Docker prints a value that changes
// from run to run. docs/page-format.md documents the tokens; this is the one definition.
// Each row is data: the token's name, what it stands for, the text it matches (a RegExp source
// without anchors), an example the unit tests check the pattern against, and whether it rises.

export interface Redaction {
  name: string; // written on the page as `[NAME]`, or `[NAME:capture]` / `[NAME:capture+]`
  matches: string; // what a reader should read the placeholder as
  pattern: string; // RegExp source, no anchors, no capturing groups
  example: string; // a real value the pattern matches in full
  rising?: true; // a number: takes a rising capture, `[N:capture+]` (greater than the value bound before)
}

const ipv4 = String.raw`(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const ipv6 = String.raw`(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}`;

const table = [
  {
    name: 'CONTAINER_ID',
    matches: 'a 64-hex container id',
    pattern: '[0-9a-f]{64}',
    example: 'f2b0d1ea6b1c5c3f58f7bc8f1e6f6d1c0c3d0d5e7a1b2c3d4e5f60718293a4b5',
  },
  {
    name: 'NETWORK_ID',
    matches: 'a 64-hex network id',
    pattern: '[0-9a-f]{64}',
    example: '9c5d0a3b7e2f41d8a6b0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2',
  },
  {
    name: 'SHORT_ID',
    matches: "a 12-hex id (also a container's default hostname)",
    pattern: '[0-9a-f]{12}',
    example: 'f2b0d1ea6b1c',
  },
  { name: 'IPV4', matches: 'an IPv4 address', pattern: ipv4, example: '172.17.0.2' },
  { name: 'IPV6', matches: 'an IPv6 address', pattern: ipv6, example: 'fe80::42:acff:fe11:2' },
  { name: 'IP', matches: 'an IPv4 or IPv6 address', pattern: `(?:${ipv4}|${ipv6})`, example: '172.17.0.1' },
  {
    name: 'NAME',
    matches: 'a generated container name (adjective_surname)',
    pattern: '[a-z]+_[a-z]+[0-9]*',
    example: 'eager_turing',
  },
  {
    name: 'HOSTNAME',
    matches: 'a host name (letters, digits, dots, dashes)',
    pattern: '[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?',
    example: 'redis-server',
  },
  { name: 'N', matches: 'an integer', pattern: '\\d+', example: '42', rising: true },
  { name: 'MS', matches: 'a duration like `0.081 ms`', pattern: '\\d+(?:\\.\\d+)? ms', example: '0.081 ms' },
  {
    name: 'STATS',
    matches: 'ping statistics like `0.081/0.090/0.102`',
    pattern: '\\d+(?:\\.\\d+)?(?:/\\d+(?:\\.\\d+)?)+',
    example: '0.081/0.081/0.081',
  },
  {
    name: 'TIMESTAMP',
    matches: 'a date-time (ISO 8601, or Redis log style `26 Nov 2025 16:54:01.123`)',
    pattern:
      '(?:\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?' +
      '|\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)',
    example: '2025-11-26T16:54:01.123456789Z',
  },
] as const satisfies readonly Redaction[];

/** The names a page may write between brackets: the site's display table is keyed by them. */
export type RedactionName = (typeof table)[number]['name'];

export const redactions: readonly Redaction[] = table;

/** `[..]`: any text within one line. */
export const lineWildcard = '[..]';

/** `...` alone on a line: any run of lines, possibly none. */
export const linesWildcard = '...';

/** Finds a redaction by the name written between the brackets. */
export function findRedaction(name: string): Redaction | undefined {
  return redactions.find((r) => r.name === name);
}

// How a page writes them (`[NAME]`, `[NAME:capture]`, `[N:capture+]`, `[..]`, `\[` for the text
// itself) is the one grammar in tokens.ts.
