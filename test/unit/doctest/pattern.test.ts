import { describe, expect, it } from 'vitest';
import { compileLine, isLiteral, matchLine, matchTokens } from '../../../scripts/doctest/pattern.ts';

const none = new Map<string, string>();
const match = (written: string, actual: string, bindings: ReadonlyMap<string, string> = none) =>
  matchLine(compileLine(written), actual, bindings);

describe('matchLine', () => {
  it('matches literal text exactly, regex characters included', () => {
    expect(match('round-trip (min/avg/max) = 1.0', 'round-trip (min/avg/max) = 1.0')).not.toBeNull();
    expect(match('a.b', 'axb')).toBeNull();
  });

  it('matches tokens and [..] within the line only', () => {
    expect(match('HOSTNAME=[SHORT_ID]', 'HOSTNAME=3f2a1b4c5d6e')).not.toBeNull();
    expect(match('HOSTNAME=[SHORT_ID]', 'HOSTNAME=3f2a1b4c5d6e7')).toBeNull();
    expect(match('round-trip min/avg/max = [..] ms', 'round-trip min/avg/max = 0.081/0.081/0.081 ms')).not.toBeNull();
  });

  it('binds a capture, then requires the same value', () => {
    const bound = match('REDIS_PORT_6379_TCP_ADDR=[IPV4:redis]', 'REDIS_PORT_6379_TCP_ADDR=172.17.0.2');
    expect(bound?.get('redis')).toBe('172.17.0.2');
    expect(match('PING redis ([IPV4:redis]): 56 data bytes', 'PING redis (172.17.0.2): 56 data bytes', bound!)).not.toBeNull();
    expect(match('PING redis ([IPV4:redis]): 56 data bytes', 'PING redis (172.17.0.3): 56 data bytes', bound!)).toBeNull();
  });

  it('requires the same value for a capture used twice in one line', () => {
    expect(match('tcp://[IPV4:a] and [IPV4:a]', 'tcp://10.0.0.1 and 10.0.0.1')).not.toBeNull();
    expect(match('tcp://[IPV4:a] and [IPV4:a]', 'tcp://10.0.0.1 and 10.0.0.2')).toBeNull();
  });

  it('a rising capture must exceed the value bound before, then rebinds', () => {
    const first = match('Total requests: [N:requests]', 'Total requests: 9');
    expect(first?.get('requests')).toBe('9');
    expect(match('Total requests: [N:requests+]', 'Total requests: 9', first!)).toBeNull();
    expect(match('Total requests: [N:requests+]', 'Total requests: 10', first!)?.get('requests')).toBe('10');
  });

  it('matches an escaped bracket as that text', () => {
    expect(isLiteral(compileLine(String.raw`\[OK] done`))).toBe(true);
    expect(match(String.raw`\[OK] done`, '[OK] done')).not.toBeNull();
    expect(match(String.raw`\[N] done`, '[N] done')).not.toBeNull();
    expect(match(String.raw`\[N] done`, '4 done')).toBeNull();
  });

  it('an unknown token (a page error at discovery) stays literal', () => {
    expect(isLiteral(compileLine('[OK] done'))).toBe(true);
  });
});

describe('matchTokens', () => {
  const values = (written: string, actual: string, bindings: ReadonlyMap<string, string> = none) =>
    matchTokens(compileLine(written), actual, bindings)?.values;

  it('gives the text each token matched, in order; [..] gives none', () => {
    expect(values('[IPV4:redis]\tredis [SHORT_ID] redis-server', '172.17.0.2\tredis 075a4feb8551 redis-server')).toEqual(['172.17.0.2', '075a4feb8551']);
    expect(values('round-trip min/avg/max = [..] ms', 'round-trip min/avg/max = 0.1/0.1/0.1 ms')).toEqual([]);
    expect(values('time=[MS] [..] [N]', 'time=0.081 ms x 3')).toEqual(['0.081 ms', '3']);
  });

  it('a capture bound before, or twice in the line, gives its value at each place', () => {
    expect(values('PING redis ([IPV4:redis])', 'PING redis (172.17.0.2)', new Map([['redis', '172.17.0.2']]))).toEqual(['172.17.0.2']);
    expect(values('[IPV4:a] and [IPV4:a] then [N:n+]', '10.0.0.1 and 10.0.0.1 then 4', new Map([['n', '3']]))).toEqual(['10.0.0.1', '10.0.0.1', '4']);
    expect(matchTokens(compileLine('[N:n+]'), '3', new Map([['n', '3']]))).toBeNull();
  });
});
