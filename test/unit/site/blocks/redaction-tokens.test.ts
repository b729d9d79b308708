// The places that name the redaction tokens agree: the doc-test's table (the definition), the
// site's display table, and the table in docs/page-format.md; and the site shows each line of
// the pages as the doc-test reads it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLine } from '../../../../scripts/doctest/pattern.ts';
import { redactions } from '../../../../scripts/doctest/redactions.ts';
import { parsePage } from '../../../../scripts/page/parse.ts';
import { PLACEHOLDERS, splitRedactions } from '../../../../site/lib/blocks/redactions.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const defined = redactions.map((r) => r.name).sort();

/** The `[TOKEN]`s written in the first column of the redaction table of docs/page-format.md. */
function documentedTokens(): string[] {
  const text = readFileSync(path.join(root, 'docs/page-format.md'), 'utf8');
  const section = text.slice(text.indexOf('### Redactions'), text.indexOf('Captures tie values'));
  const firstColumns = section.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split('|')[1] ?? '');
  return firstColumns.flatMap((cell) => [...cell.matchAll(/`\[([A-Z][A-Z0-9_]*)\]`/g)].map((m) => m[1]!)).sort();
}

/** Every written line of every output and session block of content/. */
function writtenLines(): string[] {
  return readdirSync(path.join(root, 'content'))
    .filter((name) => name.endsWith('.mdx'))
    .flatMap((name) => {
      const { page } = parsePage(`content/${name}`, readFileSync(path.join(root, 'content', name), 'utf8'));
      return page.commands.flatMap((c) => [...c.outputs, ...c.sessions].flatMap((block) => block.body.split('\n')));
    });
}

describe('redaction tokens', () => {
  it('every token of scripts/doctest/redactions.ts has a display entry in site/lib/blocks/redactions.ts, and no other', () => {
    expect(Object.keys(PLACEHOLDERS).sort()).toEqual(defined);
  });

  it('the table in docs/page-format.md lists exactly the tokens of scripts/doctest/redactions.ts', () => {
    expect(documentedTokens()).toEqual(defined);
  });
});

describe('each line of the pages, as the site shows it and the doc-test compares it', () => {
  const lines = [...new Set(writtenLines())];

  it('the pages have lines with tokens', () => {
    expect(lines.filter((line) => splitRedactions(line).some((s) => s.kind === 'placeholder')).length).toBeGreaterThan(10);
  });

  it.each(lines)('%s', (line) => {
    const site = splitRedactions(line).map((s) => (s.kind === 'text' ? s.text : '\u0000'));
    const doctest = compileLine(line).parts.map((p) => (p.kind === 'literal' ? p.text : '\u0000'));
    expect(site).toEqual(doctest);
  });
});
