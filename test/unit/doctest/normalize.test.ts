import { describe, expect, it } from 'vitest';
import { normalizeOutput, splitLines, stripAnsi } from '../../../scripts/doctest/normalize.ts';

describe('normalize', () => {
  it('turns CRLF into lines, cuts trailing whitespace and trailing blank lines', () => {
    expect(splitLines('PONG  \r\n\r\n"3"\t\r\n\r\n\r\n')).toEqual(['PONG', '', '"3"']);
  });
  it('strips color, cursor and title escapes from output', () => {
    expect(stripAnsi('\u001b[1;31mred\u001b[0m \u001b[6n\u001b]0;title\u0007ok')).toBe('red ok');
  });
  it('keeps a session screen as rendered (no escape handling)', () => {
    expect(normalizeOutput('redis:6379> PING\nPONG\n', 'session')).toEqual(['redis:6379> PING', 'PONG']);
  });
  it('keeps leading blank lines: they are part of what the reader sees', () => {
    expect(splitLines('\nx')).toEqual(['', 'x']);
  });
});
