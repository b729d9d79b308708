import { describe, expect, it } from 'vitest';
import { describeToken, isMoreLines, PLACEHOLDERS, splitRedactions } from '../../../../site/lib/blocks/redactions.ts';

describe('describeToken', () => {
  it('shows a capture as the kind and the name it is the same as', () => {
    expect(describeToken('[IPV4:redis]')).toEqual({
      label: 'IPv4 address · same as redis',
      title: 'An IPv4 address Docker assigned; yours may differ. Every place on this page marked “same as redis” shows the same value.',
    });
  });

  it('shows a rising capture as more than before', () => {
    expect(describeToken('[N:requests+]')?.label).toBe('number · more than before');
    expect(describeToken('[N:requests+]')?.title).toContain('greater than the “requests” value');
  });

  it('shows [..] as an ellipsis', () => {
    expect(describeToken('[..]')?.label).toBe('…');
  });

  it('leaves a bracketed word that is no token as text', () => {
    expect(describeToken('[OK]')).toBeUndefined();
    expect(describeToken('[ipv4]')).toBeUndefined();
  });

  it('has a label and an explanation for every token of docs/page-format.md', () => {
    const tokens = ['CONTAINER_ID', 'NETWORK_ID', 'SHORT_ID', 'IPV4', 'IPV6', 'IP', 'NAME', 'HOSTNAME', 'N', 'MS', 'STATS', 'TIMESTAMP'];
    expect(Object.keys(PLACEHOLDERS).sort()).toEqual([...tokens].sort());
    for (const token of tokens) expect(describeToken(`[${token}]`)?.title).toMatch(/\.$/);
  });
});

describe('splitRedactions', () => {
  it('cuts a line into text and placeholders, in order', () => {
    const segments = splitRedactions('64 bytes from [IPV4:redis]: seq=0 ttl=64 time=[MS]');
    expect(segments.map((s) => (s.kind === 'text' ? s.text : `<${s.placeholder.label}>`))).toEqual([
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
      { kind: 'placeholder', token: '[SHORT_ID]', placeholder: PLACEHOLDERS.SHORT_ID },
    ]);
  });

  it('keeps a literal bracketed word inside the surrounding text', () => {
    expect(splitRedactions('status [OK] done')).toEqual([{ kind: 'text', text: 'status [OK] done' }]);
  });
});

describe('isMoreLines', () => {
  it('is true only for ... alone on a line', () => {
    expect(isMoreLines('...')).toBe(true);
    expect(isMoreLines('  ...  ')).toBe(true);
    expect(isMoreLines('wait...')).toBe(false);
  });
});
