// One schema, two readers: the site's `pages` collection (site/content.config.ts, its front matter
// read by Astro's own reader) and the page parser (scripts/page/frontmatter.ts) accept and refuse
// the same front matter, with the same fields, the same values and the same words.
import { parseFrontmatter as readAsAstro } from '@astrojs/internal-helpers/frontmatter';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseFrontmatter } from '../../../scripts/page/frontmatter.ts';
import { frontmatterKeys, frontmatterSchema } from '../../../scripts/page/frontmatter-schema.ts';

vi.mock('astro:content', () => ({ defineCollection: (collection: unknown) => collection }));
vi.mock('astro/loaders', () => ({ glob: (options: unknown) => ({ glob: options }) }));
const { collections } = await import('../../../site/content.config.ts');
const siteSchema = collections.pages.schema as typeof frontmatterSchema;

type Verdict = { ok: true; data: unknown } | { ok: false; messages: string[] };

/** What the site makes of a page's front matter: Astro's YAML reading, then the collection's schema. */
function readBySite(front: string): Verdict {
  let data: unknown;
  try {
    data = readAsAstro(`---\n${front}\n---\n`).frontmatter;
  } catch (error) {
    return { ok: false, messages: [`YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const checked = siteSchema.safeParse(data);
  return checked.success ? { ok: true, data: checked.data } : { ok: false, messages: checked.error.issues.map((i) => i.message) };
}

/** What the snippet generator and the doc-test runner make of it. */
function readByParser(front: string): Verdict {
  const { frontmatter, errors } = parseFrontmatter('content/x.mdx', ['---', ...front.split('\n'), '---', '']);
  return errors.length === 0 ? { ok: true, data: frontmatter } : { ok: false, messages: errors.map((e) => e.message) };
}

const base = 'title: T\ndescription: D';

/** Accepted by both, with the same values. */
const accepted = [
  base,
  `${base}\nstep: 1\nsnippet: step1\nneeds: []\nminutes: 5`,
  'title: "The modern way: user-defined networks"\ndescription: \'It\'\'s one sentence.\'',
  `${base}\nneeds: [step1, "step3"]`,
  `${base}\nneeds: [step1,]`,
  `${base}\nneeds:\n  - step1\n  - step3`,
  `${base}\nneeds:\n- step1`,
  `${base}\nstep: 012`,
  `${base}\nminutes: 0x5`,
  `${base}\nminutes: 5 # about`,
  `# a comment\n${base}\n\nstep: +2`,
  'title: a#b\ndescription: ends with a colon:x',
  'title: yes\ndescription: on',
  'title: 12:30\ndescription: 1.2.3',
];

/** Refused by both: the schema's refusals come with the same messages. */
const refusedBySchema = [
  'description: D',
  'title: T',
  'title:\ndescription: D',
  'title: ""\ndescription: D',
  'title: 5\ndescription: D',
  'title: true\ndescription: D',
  'title: null\ndescription: D',
  'title: 2025-01-01\ndescription: D',
  `${base}\nstep: 0`,
  `${base}\nstep: 2.5`,
  `${base}\nstep: "2"`,
  `${base}\nstep: two`,
  `${base}\nminutes: five`,
  `${base}\nminutes: -3`,
  `${base}\nminutes: .inf`,
  `${base}\nminutes:`,
  `${base}\nsnippet:`,
  `${base}\nsnippet: ''`,
  `${base}\nsnippet: 2`,
  `${base}\nneeds: step1`,
  `${base}\nneeds:`,
  `${base}\nneeds: [1, step2]`,
  `${base}\nneeds:\n  - true`,
  `${base}\nminute: 5`,
  `${base}\nlayout: x\ndraft: true`,
];

/** Refused by both: YAML the site's reader cannot read either. */
const refusedAsYaml = [
  'title: The modern way: networks\ndescription: D',
  `${base}\nstep: 1\nstep: 2`,
  'title: "unclosed\ndescription: D',
  'title: "C:\\path"\ndescription: D',
  `${base}\nneeds: [a,,b]`,
  `${base}\nsnippet: *x`,
  `${base}\nsnippet: - a`,
  `${base}\nsnippet: "a" b`,
];

describe('the front matter schema', () => {
  it('is the one the site collection uses', () => {
    expect(siteSchema).toBe(frontmatterSchema);
  });

  it('has the fields docs/page-format.md shows, in its order', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/page-format.md'), 'utf8');
    const yaml = doc.slice(doc.indexOf('## Front matter'));
    const block = yaml.slice(yaml.indexOf('```yaml'), yaml.indexOf('```', yaml.indexOf('```yaml') + 3));
    const documented = [...block.matchAll(/^([a-z]+):/gm)].map((m) => m[1]);
    expect(frontmatterKeys).toEqual(documented);
    expect(Object.keys(frontmatterSchema.shape)).toEqual(documented);
  });
});

describe('the site and the page parser read front matter alike', () => {
  it.each(accepted)('both accept %j, with the same values', (front) => {
    const site = readBySite(front);
    expect(site.ok, JSON.stringify(site)).toBe(true);
    expect(readByParser(front)).toEqual(site);
  });

  it.each(refusedBySchema)('both refuse %j, saying the same', (front) => {
    const site = readBySite(front);
    expect(site.ok).toBe(false);
    expect(readByParser(front)).toEqual(site);
  });

  it.each(refusedAsYaml)('both refuse %j, which YAML does not read as flat fields', (front) => {
    expect(readBySite(front).ok).toBe(false);
    expect(readByParser(front).ok).toBe(false);
  });

  it('refuse what the page format keeps out though YAML reads it (values over several lines, nested fields): the site build refuses it too, by the page check', () => {
    for (const front of [`${base}\nsnippet: |\n  step1`, 'title: a\n  b\ndescription: D', `${base}\nsnippet:\n  name: x`]) {
      expect(readByParser(front).ok, front).toBe(false);
    }
  });
});
