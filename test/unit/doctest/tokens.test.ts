import { describe, expect, it } from 'vitest';
import { formatPageError } from '../../../scripts/page/discover.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import { describeUnknownToken, escapeText, isLinesWildcard, readTokens } from '../../../scripts/doctest/tokens.ts';
import { alignLines } from '../../../scripts/doctest/align.ts';

const page = (body: string) => `---\ntitle: T\ndescription: d\n---\n\n\`\`\`sh\necho x\n\`\`\`\n\n${body}\n`;
const errorsOf = (body: string) => parsePage('content/x.mdx', page(body)).errors.map(formatPageError);
const unknown = (line: string) => readTokens(line).unknown.map((u) => u.token);

describe('readTokens', () => {
  it('reads tokens, captures, a rising number, [..] and text between them', () => {
    const { pieces, unknown: none } = readTokens('tcp://[IPV4:redis]:6379 [N:requests+] [..] [SHORT_ID]');
    expect(none).toEqual([]);
    expect(pieces.map((p) => (p.kind === 'token' ? `${p.redaction.name}:${p.capture ?? ''}${p.rising ? '+' : ''}` : p.kind === 'any' ? '..' : p.text))).toEqual([
      'tcp://', 'IPV4:redis', ':6379 ', 'N:requests+', ' ', '..', ' ', 'SHORT_ID:',
    ]);
  });

  it('an upper-case name the table does not have, a bad capture, a rising non-number and stray dots are unknown', () => {
    expect(unknown('[FOO] [IPV4:] [IPV4:Redis] [IPV4:redis+] [MS:t+] [.] [...] [N:a b]')).toEqual([
      '[FOO]', '[IPV4:]', '[IPV4:Redis]', '[IPV4:redis+]', '[MS:t+]', '[.]', '[...]', '[N:a b]',
    ]);
  });

  it('other brackets are text: digits, lower case, spaces, a mixed-case word, an unclosed one', () => {
    expect(unknown('[1] [notice] [ ok ] [Errno 2] [INFO')).toEqual([]);
    expect(readTokens('[1] [notice]').pieces).toEqual([{ kind: 'text', text: '[1] [notice]' }]);
  });

  it('a backslash before a token-shaped bracket makes it that text; elsewhere a backslash is text', () => {
    expect(readTokens(String.raw`\[OK] \[N] \[..] a\b`)).toEqual({ pieces: [{ kind: 'text', text: String.raw`[OK] [N] [..] a\b` }], unknown: [] });
    expect(readTokens(String.raw`\\[N]`).pieces).toEqual([{ kind: 'text', text: String.raw`\[N]` }]);
  });
});

describe('isLinesWildcard: ... alone on a line', () => {
  it('is any run of lines, trailing spaces ignored', () => {
    expect(isLinesWildcard('...')).toBe(true);
    expect(isLinesWildcard('... \t')).toBe(true);
  });

  it('is text after anything, spaces too, or with more dots', () => {
    for (const line of ['  ...', 'wait...', '....', '[...]']) expect(isLinesWildcard(line), line).toBe(false);
  });

  it('is what the matcher takes for any run of lines', () => {
    const exact = { unordered: false, subset: false };
    expect(alignLines(['a', '...', 'z'], ['a', 'b', 'c', 'z'], exact, new Map()).ok).toBe(true);
    expect(alignLines(['a', '  ...', 'z'], ['a', 'b', 'z'], exact, new Map()).ok).toBe(false);
    expect(alignLines(['a', '  ...', 'z'], ['a', '  ...', 'z'], exact, new Map()).ok).toBe(true);
  });
});

describe('escapeText', () => {
  it.each([
    ['[INFO] ready', String.raw`\[INFO] ready`],
    ['[..] and [N]', String.raw`\[..] and \[N]`],
    [String.raw`C:\[N]`, String.raw`C:\\[N]`],
    ['[1] [notice] plain', '[1] [notice] plain'],
  ])('%s is written %s, and reads back as itself', (text, written) => {
    expect(escapeText(text)).toBe(written);
    expect(readTokens(written)).toEqual({ pieces: [{ kind: 'text', text }], unknown: [] });
  });
});

describe('an unknown token is a page error at its own line', () => {
  it('names the token, lists the known ones from the redaction table and says how to write the text itself', () => {
    expect(describeUnknownToken('[FOO]')).toMatchInlineSnapshot(
      `"unknown token [FOO]; known tokens: [CONTAINER_ID], [NETWORK_ID], [SHORT_ID], [IPV4], [IPV6], [IP], [NAME], [HOSTNAME], [N], [MS], [STATS], [TIMESTAMP], [..]; with a capture [TOKEN:name] (name: a-z 0-9 _ -), rising [N:name+]; for the text itself write \\[FOO] (docs/page-format.md)"`,
    );
  });

  it('in an output block: the line inside the block, not the fence; one error per token', () => {
    expect(errorsOf('```output\nfirst\nid=[CONTAINER_ID] [FOO]\n[IPV4:] and [IPV4:redis+]\n```').map((e) => e.split(';')[0])).toEqual([
      'content/x.mdx:12: unknown token [FOO]',
      'content/x.mdx:13: unknown token [IPV4:]',
      'content/x.mdx:13: unknown token [IPV4:redis+]',
    ]);
  });

  it('in a session block, typed lines included', () => {
    const body = '```sh interactive\nredis-cli\n```\n\n```session prompt="> "\n> GET [KEY]\n[OK]\n```';
    expect(errorsOf(body).map((e) => e.split(';')[0])).toEqual(['content/x.mdx:15: unknown token [KEY]', 'content/x.mdx:16: unknown token [OK]']);
  });

  it('escaped text and known tokens are no error', () => {
    expect(errorsOf(String.raw`${'```'}output` + '\n' + String.raw`\[OK] [N:requests] [..]` + '\n```')).toEqual([]);
  });
});
