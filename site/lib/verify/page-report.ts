// The verification page (/verification/), one section per doc-tested page (pure): for every engine
// of the record, how it proved the page (live, or against captured output), when, at which
// commit, with which images (local stand-ins or not), and which of the page's commands it
// checked, failed or left unchecked. A run of an earlier text of the page is shown as such: it no
// longer counts (scripts/verify/badge.ts decides the same for the badge).
import { compareVersions, hashPage, type EngineRun, type ImageFact, type Proof, type VerificationRecord } from '../../../scripts/verify/record.ts';
import type { Page } from '../../../scripts/page/types.ts';
import { describePageBadge, type PageBadge } from './badge.ts';

/** The page's path under the base: `/verification/`; each page's section is `#<page id>`. */
export const VERIFICATION_SLUG = 'verification';

/** A case as the record names it (`content/step2.mdx:33`), with its command when the page still has it there. */
export interface CaseRef {
  name: string;
  command?: string | undefined;
}

/**
 * passed: every command checked and matched; partial: the checked ones matched, some had no
 * capture; failed; earlier: the run was of an earlier text of the page; none: the engine's entry
 * has no result for the page.
 */
export type RunStatus = 'passed' | 'partial' | 'failed' | 'earlier' | 'none';

export interface EngineReport {
  engine: string; // "29.7.2"
  proof: Proof;
  how: string; // "Live on a running engine (client 28.2.2)", "Against its captured output, test/fixtures/engine-29.7"
  date: string; // ISO 8601: when this page was proven on it (its own date, or the run's)
  day: string; // "2026-12-03"
  commit: string; // "eff87d2ec44…", or "unknown"
  images: ImageFact[];
  status: RunStatus;
  result: string; // "All 3 commands ran on it; each matched the page"
  checked: CaseRef[]; // compared and matched (for the page's current text only)
  failed: CaseRef[];
  unchecked: CaseRef[];
}

export interface PageReport {
  id: string; // "step2": the section's anchor
  title: string;
  step?: number | undefined;
  slug: string; // the page's own path under the base
  badge: PageBadge;
  cases: CaseRef[]; // the page's commands the doc-tests run, in page order
  engines: EngineReport[]; // every engine of the record, in version order
}

/** The cases of a page as the doc-test runner names them: each command that goes to a snippet, `file:line` (scripts/doctest/cases.ts). */
export function listCases(page: Page): CaseRef[] {
  return page.commands.filter((command) => command.snippet !== undefined).map((command) => ({ name: `${command.at.file}:${command.at.line}`, command: command.text }));
}

/** The section of one page: `text` is its file as the build reads it, `slug` its path. */
export function reportPage(record: VerificationRecord, page: Page, text: string, slug: string): PageReport {
  const cases = listCases(page);
  const hash = hashPage(text);
  const engines = Object.values(record.engines)
    .sort((a, b) => compareVersions(a.engine, b.engine))
    .map((run) => reportEngine(run, page.id, hash, cases));
  return { id: page.id, title: page.frontmatter.title, step: page.frontmatter.step, slug, badge: describePageBadge(record, page.id, text), cases, engines };
}

function reportEngine(run: EngineRun, pageId: string, hash: string, cases: CaseRef[]): EngineReport {
  const own = run.pages[pageId];
  const date = own?.date ?? run.date;
  const base = {
    engine: run.engine,
    proof: run.proof,
    how: run.proof === 'live' ? `Live on a running engine (client ${run.client})` : `Against its captured output, ${run.captures ?? 'a folder of captures'}`,
    date,
    day: date.slice(0, 10),
    commit: run.commit,
    images: run.images,
  };
  const none = { checked: [], failed: [], unchecked: [] };
  if (!own) {
    const why = run.proof === 'captures' ? 'no capture covers its commands' : 'the run did not include it';
    return { ...base, status: 'none', result: `Not run on this page: ${why}`, ...none };
  }
  const name = (ref: string): CaseRef => ({ name: ref, command: cases.find((c) => c.name === ref)?.command });
  if (own.hash !== hash) {
    const then = own.failures.length > 0 || (!own.ok && !own.uncovered?.length) ? 'it failed then' : 'it passed then';
    return { ...base, status: 'earlier', result: `Ran on an earlier text of this page (${then}); it no longer counts until the doc-tests run again`, ...none };
  }
  const failed = own.failures.map(name);
  const unchecked = (own.uncovered ?? []).map(name);
  const checked = cases.filter((c) => !own.failures.includes(c.name) && !(own.uncovered ?? []).includes(c.name));
  const total = own.cases ?? cases.length;
  const of = (count: number) => `${count} of ${total} ${commands(total)}`;
  if (failed.length > 0 || (!own.ok && unchecked.length === 0)) {
    const what = failed.length > 0 ? `${of(failed.length)} did not match the page` : 'see the doc-test report';
    return { ...base, status: 'failed', result: `Failed: ${what}`, checked, failed, unchecked };
  }
  if (unchecked.length > 0) {
    const summary = `${of(total - unchecked.length)} checked against its captured output, each matched the page; ${unchecked.length} had no capture`;
    return { ...base, status: 'partial', result: summary, checked, failed, unchecked };
  }
  const how = run.proof === 'live' ? 'ran on it' : 'checked against its captured output';
  const summary = total === 1 ? `The one command ${how} and matched the page` : `All ${total} commands ${how}; each matched the page`;
  return { ...base, status: 'passed', result: summary, checked, failed, unchecked };
}

const commands = (count: number): string => (count === 1 ? 'command' : 'commands');

/** "sha256:5dfe26d4e86a…" -> "5dfe26d4e86a"; a commit to its first 7 characters. */
export function shortId(id: string, length = 12): string {
  return id.replace(/^sha256:/, '').slice(0, length);
}

/** "redis, alpine and katacoda/redis-node-docker-example: all local stand-ins"; each one said when they differ. */
export function describeImages(images: readonly ImageFact[]): string {
  if (images.length === 0) return 'none recorded (compared with captured output, no images run)';
  const kind = (image: ImageFact) => (image.standIn ? 'local stand-in' : "the registry's image");
  if (images.every((image) => image.standIn === images[0]!.standIn)) {
    const all = images.length === 1 ? '' : 'all ';
    return `${listNames(images.map((image) => image.name))}: ${all}${kind(images[0]!)}${images.length === 1 || !images[0]!.standIn ? '' : 's'}`;
  }
  return images.map((image) => `${image.name} (${kind(image)})`).join(', ');
}

function listNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
