// THE schema of a page's front matter (docs/page-format.md): its fields, their types and the
// message each refusal gives. One definition, two readers: the site's `pages` collection
// (site/content.config.ts) checks what Astro's YAML reader makes of a page, the page parser
// (frontmatter.ts) what its reader of the flat YAML subset makes of it, so the site, the snippet
// generator and the doc-test runner accept and refuse the same front matter with the same words.
// zod's small build (`zod/mini`, the same zod 4 Astro ships): its schemas are zod schemas to Astro,
// and the doc-test runner loads 40 KB of it instead of the whole library (about 3 MiB of memory).
import * as z from 'zod/mini';

/** A value as the page wrote it, for a message: `minutes: five`, `step: 2.5`, `needs: (nothing)`. */
function said(key: string, input: unknown): string {
  if (input === undefined || input === null) return `${key}: (nothing)`;
  if (input instanceof Date) return `${key}: ${input.toISOString().replace(/T00:00:00\.000Z$/, '')}`;
  return `${key}: ${typeof input === 'string' ? input : JSON.stringify(input)}`;
}

/** Text that must be there: a missing or empty one says what to add, another type how to quote it. */
function text(key: string, example: string) {
  const missing = `the front matter has no ${key}; add ${key}: ${example}`;
  return z
    .string({ error: (issue) => (issue.input == null ? missing : `${said(key, issue.input)} is not text; write it in quotes, ${key}: "…"`) })
    .check(z.minLength(1, { error: missing }));
}

/** A whole number from 1. */
function count(key: string, what: string, example: number) {
  const error = (issue: { input?: unknown }) => `${said(key, issue.input)} is not ${what}; write ${key}: ${example}`;
  return z.number({ error }).check(z.int({ error }), z.positive({ error }));
}

const pageName = z.string({ error: (issue) => `${said('needs', issue.input)} is not a page name; write needs: [step1]` });

export const frontmatterFields = {
  title: text('title', '<page title>'),
  description: text('description', '<one sentence for search results and link previews>'),
  step: z.optional(count('step', 'a step number (a whole number from 1)', 1)),
  snippet: z.optional(
    z
      .string({ error: (issue) => `${said('snippet', issue.input)} is not a snippet name; write snippet: step1` })
      .check(z.minLength(1, { error: 'snippet: (nothing) is not a snippet name; write snippet: step1, or leave the field out for no snippet' })),
  ),
  needs: z._default(
    z.array(pageName, { error: (issue) => `${said('needs', issue.input)} is not a list of pages; write needs: [step1], or needs: [] for none` }),
    [],
  ),
  minutes: z.optional(count('minutes', 'a whole number of minutes', 5)),
};

/** The fields a page may write, in the order docs/page-format.md shows them. */
export const frontmatterKeys = Object.keys(frontmatterFields) as (keyof typeof frontmatterFields)[];

export const frontmatterSchema = z.strictObject(frontmatterFields, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown front matter field ${issue.keys.map((k) => `\`${k}\``).join(', ')}; write one of: ${frontmatterKeys.join(', ')} (docs/page-format.md)`
      : 'the front matter is not a list of fields; write title: ..., description: ... between the --- lines',
});

export type Frontmatter = z.output<typeof frontmatterSchema>;
