// Stage "parse": the YAML front matter of a page, the flat subset docs/page-format.md uses
// (`key: value`, `key: [a, b]`, `- item` lines), each value typed as YAML types it (`5` a number,
// `"5"` text, nothing null), then checked by the one schema (frontmatter-schema.ts) that the site
// checks Astro's reading with. Each refusal is an error at the line of its field.
import type { PageError } from './types.ts';
import { frontmatterFields, frontmatterSchema, type Frontmatter } from './frontmatter-schema.ts';
import { readFlowList, readScalar } from './yaml-scalar.ts';

export interface FrontmatterResult {
  frontmatter: Frontmatter;
  bodyStart: number; // 0-based index of the first line after the closing `---`
  needsLine: number; // 1-based line of `needs:` (1 when absent)
  errors: PageError[];
}

interface Field {
  line: number; // 1-based
  value: unknown;
  itemLines: number[]; // the line of each `- item`
  unreadable?: true; // its value is already an error: the schema's word on it would only repeat that
}

const FIELD = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/;
const ITEM = /^\s*-(?:[ \t]+(.*))?$/;

/** Reads `---` ... `---` at the top of a page into a Frontmatter. */
export function parseFrontmatter(file: string, lines: string[]): FrontmatterResult {
  const empty: Frontmatter = { title: '', description: '', needs: [] };
  if ((lines[0] ?? '').trim() !== '---') {
    const message = 'the page has no front matter; start it with ---, title: ..., description: ..., ---';
    return { frontmatter: empty, bodyStart: 0, needsLine: 1, errors: [{ at: { file, line: 1 }, message }] };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) {
    const message = 'the front matter is never closed; add a line --- after it';
    return { frontmatter: empty, bodyStart: 0, needsLine: 1, errors: [{ at: { file, line: 1 }, message }] };
  }
  const errors: PageError[] = [];
  const fields = readFields(lines, end, (line, message) => errors.push({ at: { file, line }, message }));
  const values = Object.fromEntries([...fields].map(([key, field]) => [key, field.value]));
  const checked = frontmatterSchema.safeParse(values);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : ''));
      const field = fields.get(key);
      if (field?.unreadable) continue;
      const item = typeof issue.path[1] === 'number' ? field?.itemLines[issue.path[1]] : undefined;
      errors.push({ at: { file, line: item ?? field?.line ?? 1 }, message: issue.message });
    }
  }
  const frontmatter = checked.success ? checked.data : keepValid(values);
  return { frontmatter, bodyStart: end + 1, needsLine: fields.get('needs')?.line ?? 1, errors };
}

/** The fields between the `---` lines, by key; a line the subset cannot read is an error. */
function readFields(lines: string[], end: number, refuse: (line: number, message: string) => void): Map<string, Field> {
  const fields = new Map<string, Field>();
  let list: Field | undefined; // the field whose `- item` lines follow
  for (let i = 1; i < end; i++) {
    const line = lines[i] ?? '';
    if (/^\s*(#.*)?$/.test(line)) continue;
    const item = ITEM.exec(line);
    if (item && list) {
      const value = readScalar(item[1] ?? '');
      if ('error' in value) {
        refuse(i + 1, value.error);
        list.unreadable = true;
      } else {
        (list.value as unknown[]).push(value.value);
        list.itemLines.push(i + 1);
      }
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) {
      refuse(i + 1, `cannot read the front matter line \`${line.trim()}\`; write key: value, key: [a, b], or - items under key: (docs/page-format.md)`);
      list = undefined;
      continue;
    }
    const [key = '', raw = ''] = [m[1], m[2]];
    if (fields.has(key)) refuse(i + 1, `${key} is in the front matter twice (also at line ${fields.get(key)?.line}); keep one`);
    const value = raw.trimStart().startsWith('[') ? readFlowList(raw) : readScalar(raw);
    const field: Field = { line: i + 1, value: 'error' in value ? undefined : value.value, itemLines: [] };
    if ('error' in value) {
      refuse(i + 1, `${key}: ${value.error}`);
      field.unreadable = true;
    }
    fields.set(key, field);
    list = field.value === null && isItem(lines[i + 1]) ? field : undefined;
    if (list) field.value = [];
  }
  return fields;
}

const isItem = (line: string | undefined): boolean => line !== undefined && ITEM.test(line);

/** The fields that pass on their own, for the stages after a refused front matter. */
function keepValid(values: Record<string, unknown>): Frontmatter {
  const kept: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(frontmatterFields)) {
    const one = schema.safeParse(values[key]);
    if (one.success && one.data !== undefined) kept[key] = one.data;
  }
  return { title: '', description: '', needs: [], ...kept };
}
