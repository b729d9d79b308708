// Which cases a run has (pure): every case of the pages, or the cases of the pages named on the
// command line (`npm run doctest -- content/step2.mdx`), narrowed by `--grep` (a case's name,
// `content/step2.mdx:90`, or its command text; `/regex/` for a pattern). A snippet that holds a
// selected case runs whole (its other commands run too, and are not cases of the run); before it
// run the snippets of the pages it needs, as set-up. Only a page whose every case was selected
// can be proven by the run: the coverage the record is written with (scripts/verify/entry.ts).
import path from 'node:path';
import { pageId } from '../page/parse.ts';
import type { Command, Page } from '../page/types.ts';
import type { RunCoverage } from '../verify/entry.ts';
import type { Selection } from './events.ts';
import type { SnippetPlan } from './plan.ts';

export interface CaseRequest {
  pages: string[]; // page files as given on the command line; [] = every page
  grep?: string; // text, or /regex/flags
}

export interface ChosenCases {
  ids?: ReadonlySet<string>; // the selected commands (Command.id); undefined: every case
  count: number; // how many are selected
  of: number; // how many cases the pages have
  pages: string[]; // the pages named, as the run names them ("content/step2.mdx")
  grep?: string;
  coverage: RunCoverage;
}

/** Where the page files given are resolved: the working directory, and the project root the pages' names are relative to. */
export interface Where {
  root: string;
  cwd: string;
  contentDir: string; // as the run names it ("content")
}

const caseName = (command: Command) => `${command.at.file}:${command.at.line}`;
const casesOf = (pages: Page[]) => pages.flatMap((p) => p.commands.filter((c) => c.snippet !== undefined));

/** The cases a request selects; throws an Error saying what is wrong when a file is no page or nothing is selected. */
export function chooseCases(pages: Page[], request: CaseRequest, where: Where): ChosenCases {
  const all = casesOf(pages);
  const named = [...new Set(request.pages.map((given) => findPage(pages, given, where)))];
  if (named.length === 0 && request.grep === undefined) return { count: all.length, of: all.length, pages: [], coverage: { kind: 'all' } };
  const onPages = named.length > 0 ? casesOf(named) : all;
  const chosen = request.grep === undefined ? onPages : onPages.filter(readGrep(request.grep));
  if (chosen.length === 0) throw new Error(describeNone(named, onPages, request.grep, pages, where));
  const ids = new Set(chosen.map((c) => c.id));
  const proven = pages.filter((p) => casesOf([p]).length > 0 && casesOf([p]).every((c) => ids.has(c.id)));
  return {
    ids,
    count: chosen.length,
    of: all.length,
    pages: named.map((p) => p.file),
    ...(request.grep === undefined ? {} : { grep: request.grep }),
    coverage: chosen.length === all.length ? { kind: 'all' } : { kind: 'some', files: proven.map((p) => p.file) },
  };
}

/**
 * `--grep` as a test of a case: `/pattern/` (with flags, `/ping/i`) a regular expression; anything
 * else, `/etc/hosts` too, text the name or the command contains.
 */
export function readGrep(text: string): (command: Command) => boolean {
  const literal = /^\/(.+)\/([dgimsuvy]*)$/.exec(text);
  if (!literal) return (c) => caseName(c).includes(text) || c.text.includes(text);
  let pattern: RegExp;
  try {
    pattern = new RegExp(literal[1]!, literal[2]!.replace(/[gy]/g, ''));
  } catch (error) {
    throw new Error(`--grep ${text} is not a regular expression (${(error as Error).message}); write text to look for, or /pattern/`, { cause: error });
  }
  return (c) => pattern.test(caseName(c)) || pattern.test(c.text);
}

function findPage(pages: Page[], given: string, where: Where): Page {
  const full = path.resolve(where.cwd, given);
  const page = pages.find((p) => path.resolve(where.root, p.file) === full);
  if (!page) throw new Error(`${given} is not a page of ${where.contentDir}/; its pages: ${pages.map((p) => p.file).join(', ')}`);
  return page;
}

function describeNone(named: Page[], onPages: Command[], grep: string | undefined, pages: Page[], where: Where): string {
  const files = named.map((p) => p.file).join(', ');
  if (grep === undefined) {
    const withCases = pages.filter((p) => casesOf([p]).length > 0).map((p) => p.file);
    return `${files} ${named.length === 1 ? 'has' : 'have'} no case to run (no command a snippet runs); pages with cases: ${withCases.join(', ')}`;
  }
  const cases = `${onPages.length} case${onPages.length === 1 ? '' : 's'}`;
  const among = named.length > 0 ? `the ${cases} of ${files}` : `the ${cases} in ${where.contentDir}/`;
  const example = onPages[0] ? ` (${caseName(onPages[0])})` : '';
  return `--grep ${grep} selects none of ${among}; it selects a case by its name${example} or its command text, /pattern/ by a regular expression`;
}

/**
 * The snippets a run starts: each that holds a selected case, and, as set-up, the snippets of the
 * pages they need (recursively; a snippet of no page, the clean-up, sets up the pages its cases
 * are on). `setup` names those with no selected case. Every plan when every case is selected.
 */
export function selectPlans(plans: SnippetPlan[], ids?: ReadonlySet<string>): { plans: SnippetPlan[]; setup: string[] } {
  if (!ids) return { plans, setup: [] };
  const byName = new Map(plans.map((p) => [p.name, p]));
  const byPage = new Map(plans.flatMap((p) => (p.page ? [[p.page, p] as const] : [])));
  const selected = (plan: SnippetPlan) => plan.commands.some((c) => ids.has(c.id));
  const needed = (plan: SnippetPlan): SnippetPlan[] => {
    const names = plan.page ? plan.needs.map((n) => byName.get(n)) : plan.commands.filter((c) => ids.has(c.id)).map((c) => byPage.get(pageId(c.at.file)));
    return names.filter((p): p is SnippetPlan => p !== undefined);
  };
  const running = new Set<string>();
  const add = (plan: SnippetPlan): void => {
    if (running.has(plan.name)) return;
    running.add(plan.name);
    needed(plan).forEach(add);
  };
  plans.filter(selected).forEach(add);
  const chosen = plans.filter((p) => running.has(p.name));
  return { plans: chosen, setup: chosen.filter((p) => !selected(p)).map((p) => p.name) };
}

/** What the run-start event says of a run of some cases; undefined for a run of every case. */
export function describeSelection(chosen: ChosenCases, setup: string[]): Selection | undefined {
  if (!chosen.ids) return undefined;
  return { of: chosen.of, pages: chosen.pages, ...(chosen.grep === undefined ? {} : { grep: chosen.grep }), setup };
}
