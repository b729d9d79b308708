import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../../../snippets/lib/print.mjs';

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('wantsColor', () => {
  it('colours a terminal, not a pipe or a dumb terminal', () => {
    expect(wantsColor(tty, {})).toBe(true);
    expect(wantsColor(pipe, {})).toBe(false);
    expect(wantsColor(tty, { TERM: 'dumb' })).toBe(false);
  });
  it('follows NO_COLOR first, then FORCE_COLOR', () => {
    expect(wantsColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColor(tty, { FORCE_COLOR: '0' })).toBe(false);
  });
});
