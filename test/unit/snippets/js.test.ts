import { describe, expect, it } from 'vitest';
import { toCommandLiteral, toObjectLiteral } from '../../../scripts/snippets/js.ts';

describe('toCommandLiteral', () => {
  it('keeps a plain command as a template literal, quotes and braces included', () => {
    expect(toCommandLiteral(`docker inspect --format '{{.Id}}' "x"`)).toBe("`docker inspect --format '{{.Id}}' \"x\"`");
  });

  it('escapes what a template literal would change', () => {
    expect(toCommandLiteral('echo `a` ${HOME} \\\n  b')).toBe("'echo `a` ${HOME} \\\\\\n  b'");
    expect(eval(toCommandLiteral('echo `a` ${HOME} \\\n  b'))).toBe('echo `a` ${HOME} \\\n  b');
  });
});

describe('toObjectLiteral', () => {
  it('writes keys in order and leaves out undefined ones', () => {
    expect(toObjectLiteral({ id: "it's", timeout: 30, ready: undefined, inputs: ['A', 'b c'] })).toBe("{ id: 'it\\'s', timeout: 30, inputs: ['A', 'b c'] }");
  });
});
