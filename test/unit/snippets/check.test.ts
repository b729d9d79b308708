import { describe, expect, it } from 'vitest';
import { findStale } from '../../../scripts/snippets/check.ts';

const generated = [{ path: 'snippets/a.mjs', sources: ['content/a.mdx'], text: 'one\ntwo\nthree\n' }];

describe('findStale', () => {
  it('finds nothing when the committed text is what the pages generate', () => {
    expect(findStale(generated, new Map([['snippets/a.mjs', 'one\ntwo\nthree\n']]))).toEqual([]);
  });

  it('names a stale file and its page, with a diff from committed to generated', () => {
    const [stale] = findStale(generated, new Map([['snippets/a.mjs', 'one\nTWO\nthree\n']]));
    expect(stale?.message).toMatchInlineSnapshot(`
      "snippets/a.mjs: differs from what content/a.mdx generates
      --- snippets/a.mjs (committed)
      +++ snippets/a.mjs (generated from content/a.mdx)
      @@ -1,3 +1,3 @@
       one
      -TWO
      +two
       three
      "
    `);
  });

  it('names a missing file and a file no page generates', () => {
    const stale = findStale(generated, new Map([['snippets/old.mjs', 'x']]));
    expect(stale.map((s) => s.message)).toEqual([
      'snippets/a.mjs: missing; content/a.mdx generates it',
      'snippets/old.mjs: no page generates it; delete it, or add `snippet:` to its page',
    ]);
  });
});
