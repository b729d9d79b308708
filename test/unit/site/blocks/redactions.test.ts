import { describe, expect, it } from 'vitest';
import { redactions } from '../../../../scripts/doctest/redactions.ts';
import { readTokens } from '../../../../scripts/doctest/tokens.ts';
import { ANY_TEXT, describePiece, PLACEHOLDERS, splitRedactions } from '../../../../site/lib/blocks/redactions.ts';
import { renderOutputBlock } from '../../../../site/lib/blocks/render-output.ts';
import { toHtml } from 'hast-util-to-html';

/** The display of the one token `written` is, as the doc-test's grammar reads it. */
function describeWritten(written: string) {
  const [piece, ...rest] = readTokens(written).pieces;
  if (!piece || piece.kind === 'text' || rest.length > 0) throw new Error(`${written} is not one token`);
  return describePiece(piece);
}

const shown = (line: string, values?: string[]) =>
  splitRedactions(line, values).map((s) => (s.kind === 'text' ? s.text : s.kind === 'value' ? `{${s.text}}` : `<${s.placeholder.label}>`));

describe('describePiece', () => {
  it('shows a capture as the kind and the name it is the same as', () => {
    expect(describeWritten('[IPV4:redis]')).toEqual({
      label: 'IPv4 address · same as redis',
      title: 'An IPv4 address Docker assigned; yours may differ. Every place on this page marked “same as redis” shows the same value.',
    });
  });

  it('shows a rising capture as more than before', () => {
    expect(describeWritten('[N:requests+]').label).toBe('number · more than before');
    expect(describeWritten('[N:requests+]').title).toContain('greater than the “requests” value');
  });

  it('shows [..] as an ellipsis', () => {
    expect(describeWritten('[..]')).toBe(ANY_TEXT);
  });

  it('has a label and an explanation for every token of the doc-test table', () => {
    for (const { name } of redactions) expect(describeWritten(`[${name}]`).title, name).toMatch(/\.$/);
  });
});

describe('splitRedactions: a line read by the doc-test grammar (scripts/doctest/tokens.ts)', () => {
  it('cuts a line into text and placeholders, in order', () => {
    expect(shown('64 bytes from [IPV4:redis]: seq=0 ttl=64 time=[MS]')).toEqual([
      '64 bytes from ',
      '<IPv4 address · same as redis>',
      ': seq=0 ttl=64 time=',
      '<time>',
    ]);
  });

  it('reads every line afresh (a token at the start after a line with tokens)', () => {
    splitRedactions('REDIS_PORT=tcp://[IPV4:redis]:6379');
    expect(splitRedactions('HOSTNAME=[SHORT_ID]')).toEqual([
      { kind: 'text', text: 'HOSTNAME=' },
      { kind: 'placeholder', placeholder: PLACEHOLDERS.SHORT_ID },
    ]);
  });

  it('keeps brackets that are no token inside the surrounding text', () => {
    expect(splitRedactions('status [1] [notice] [ ok ] done')).toEqual([{ kind: 'text', text: 'status [1] [notice] [ ok ] done' }]);
  });

  it('shows an escaped bracket as the text Docker prints, without the backslash', () => {
    expect(shown(String.raw`\[INFO] took \[N] and [N] \[..]`)).toEqual(['[INFO] took [N] and ', '<number>', ' [..]']);
  });

  it('shows what the doc-test refuses (a page error the build stops on) as text, never as a placeholder', () => {
    for (const line of ['[FOO]', '[IPV4:]', '[IPV4:Redis]', '[IPV4:1st]', '[MS:t+]', '[...]']) expect(shown(line), line).toEqual([line]);
  });
});

describe('a ... line, by the doc-test rule (isLinesWildcard)', () => {
  const lines = (source: string) => toHtml(renderOutputBlock(source, { interactive: false, unordered: false, subset: false }));

  it('is more lines alone on a line, trailing spaces ignored as the doc-test ignores them', () => {
    expect(lines('a\n...\nb\n...  ').match(/class="line more"/g)).toHaveLength(2);
  });

  it('is text after anything, spaces too: the doc-test compares that line as text', () => {
    expect(lines('  ...\nwait...')).not.toContain('line more');
  });
});

describe('splitRedactions with recorded values', () => {
  it('a value replaces exactly its token, in order; [..] and a token with no value stay placeholders', () => {
    expect(shown('[IPV4:redis]\tredis [SHORT_ID] redis-server', ['172.17.0.2', '075a4feb8551'])).toEqual(['{172.17.0.2}', '\tredis ', '{075a4feb8551}', ' redis-server']);
    expect(shown('min/avg/max = [..] ms, [N] of [N]', ['3'])).toEqual(['min/avg/max = ', '<…>', ' ms, ', '{3}', ' of ', '<number>']);
    expect(shown('\\[INFO] took [MS]', ['0.081 ms'])).toEqual(['[INFO] took ', '{0.081 ms}']);
  });
});
