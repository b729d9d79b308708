// The three places that name the redaction tokens agree: the doc-test's table (the definition),
// the site's display mapping, and the table in docs/page-format.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactions } from '../../../../scripts/doctest/redactions.ts';
import { PLACEHOLDERS } from '../../../../site/lib/blocks/redactions.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const defined = redactions.map((r) => r.name).sort();

/** The `[TOKEN]`s written in the first column of the redaction table of docs/page-format.md. */
function documentedTokens(): string[] {
  const text = readFileSync(path.join(root, 'docs/page-format.md'), 'utf8');
  const section = text.slice(text.indexOf('### Redactions'), text.indexOf('Captures tie values'));
  const firstColumns = section.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split('|')[1] ?? '');
  return firstColumns.flatMap((cell) => [...cell.matchAll(/`\[([A-Z][A-Z0-9_]*)\]`/g)].map((m) => m[1]!)).sort();
}

describe('redaction tokens', () => {
  it('every token of scripts/doctest/redactions.ts has a display entry in site/lib/blocks/redactions.ts, and no other', () => {
    expect(Object.keys(PLACEHOLDERS).sort()).toEqual(defined);
  });

  it('the table in docs/page-format.md lists exactly the tokens of scripts/doctest/redactions.ts', () => {
    expect(documentedTokens()).toEqual(defined);
  });
});
