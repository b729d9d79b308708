// Stage "parse": the YAML front matter of a page (the flat subset docs/page-format.md uses).
import type { Frontmatter, PageError } from './types.ts';

export interface FrontmatterResult {
  frontmatter: Frontmatter;
  bodyStart: number; // 0-based index of the first line after the closing `---`
  needsLine: number; // 1-based line of `needs:` (1 when absent)
  errors: PageError[];
}

/** Reads `---` ... `---` at the top of a page into a Frontmatter. */
export function parseFrontmatter(file: string, lines: string[]): FrontmatterResult {
  const errors: PageError[] = [];
  const frontmatter: Frontmatter = { title: '', description: '', needs: [] };
  if ((lines[0] ?? '').trim() !== '---') {
    errors.push({ at: { file, line: 1 }, message: 'the page has no front matter; start it with ---, title: ..., description: ..., ---' });
    return { frontmatter, bodyStart: 0, needsLine: 1, errors };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) {
    errors.push({ at: { file, line: 1 }, message: 'the front matter is never closed; add a line --- after it' });
    return { frontmatter, bodyStart: 0, needsLine: 1, errors };
  }
  let needsLine = 1;
  for (let i = 1; i < end; i++) {
    const m = /^([\w-]+):\s*(.*)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const [key, raw] = [m[1] ?? '', unquote(m[2] ?? '')];
    if (key === 'title') frontmatter.title = raw;
    else if (key === 'description') frontmatter.description = raw;
    else if (key === 'snippet') frontmatter.snippet = raw;
    else if (key === 'step') setStep(frontmatter, raw, { file, line: i + 1 }, errors);
    else if (key === 'minutes') setMinutes(frontmatter, raw, { file, line: i + 1 }, errors);
    else if (key === 'needs') {
      needsLine = i + 1;
      frontmatter.needs = readList(raw, lines, i + 1, end);
    }
  }
  if (!frontmatter.title) errors.push({ at: { file, line: 1 }, message: 'the front matter has no title; add title: <page title>' });
  return { frontmatter, bodyStart: end + 1, needsLine, errors };
}

function setStep(fm: Frontmatter, raw: string, at: { file: string; line: number }, errors: PageError[]): void {
  if (/^\d+$/.test(raw)) fm.step = Number(raw);
  else errors.push({ at, message: `step: ${raw} is not a number; write step: 1` });
}

function setMinutes(fm: Frontmatter, raw: string, at: { file: string; line: number }, errors: PageError[]): void {
  if (/^[1-9]\d*$/.test(raw)) fm.minutes = Number(raw);
  else errors.push({ at, message: `minutes: ${raw} is not a whole number of minutes; write minutes: 5` });
}

/** `[a, b]` on the line, or `- a` items on the lines below. */
function readList(raw: string, lines: string[], from: number, end: number): string[] {
  if (raw.startsWith('[')) {
    return raw.replace(/^\[|\]$/g, '').split(',').map((s) => unquote(s.trim())).filter(Boolean);
  }
  const items: string[] = [];
  for (let j = from; j < end; j++) {
    const item = /^\s*-\s*(.+)$/.exec(lines[j] ?? '');
    if (!item) break;
    items.push(unquote((item[1] ?? '').trim()));
  }
  return raw ? [raw] : items;
}

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}
