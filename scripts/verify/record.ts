// The verification record: what each doc-test run proved, per engine, kept in
// verification/record.json (committed; `--record` and `npm run record` write it) and in
// reports/verification.json (this checkout's runs; the site shows both, each engine's latest). A
// run rewrites the entry of the engine it ran on. Each entry says how it was proven: `live`, a doc-test run
// against a running engine, or `captures`, the pages' cases compared with that engine's captured
// output (`npm run doctest -- --captures <folder>`). Pure functions here; reading and writing in
// store.ts.
import { createHash } from 'node:crypto';
import { isBlockExamples, type BlockExamples } from './examples.ts';

export interface ImageFact {
  name: string; // "redis"
  id: string; // "sha256:…"
  standIn: boolean; // a local stand-in built from Debian packages, not the registry's image
}

/** `live`: a doc-test run on a running engine; `captures`: the cases compared with captured output. */
export type Proof = 'live' | 'captures';
export const proofs: readonly Proof[] = ['live', 'captures'];

export interface PageResult {
  hash: string; // sha256 of the page text as verified
  ok: boolean; // proven: every case of the page was compared and passed
  failures: string[]; // "content/step2.mdx:31" of each failed case
  // proof `captures` only: how many cases the page has, and the ones no capture covered (never
  // compared, so never claimed: ok is false while any is left, even with no failure)
  cases?: number;
  uncovered?: string[];
  date?: string; // when the page was proven, if before the entry's run: kept by a run that did not run all its cases
  examples?: BlockExamples; // what the tokens of each block it matched had (examples.ts); optional: older entries have none
}

export interface EngineRun {
  engine: string; // server version, "20.10.24"
  proof: Proof;
  captures?: string; // proof `captures`: the folder the output came from ("test/fixtures/engine-29.7")
  client: string; // client version ("unknown" for captures)
  date: string; // ISO 8601, when the run finished
  commit: string; // git commit the run verified ("unknown" outside git)
  images: ImageFact[];
  pages: Record<string, PageResult>; // by page id ("step2")
}

// 2: each entry has `proof`; a version 1 entry reads as `live`. A page's `examples` is optional in
// version 2: an entry without them reads as before, and a reader that does not know them keeps them.
export const recordVersion = 2;

export interface VerificationRecord {
  version: typeof recordVersion;
  engines: Record<string, EngineRun>; // by engine version
}

export const emptyRecord = (): VerificationRecord => ({ version: recordVersion, engines: {} });

/** Hash of a page as the doc-tests read it; line endings do not count. */
export function hashPage(text: string): string {
  return 'sha256:' + createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** The record after one engine's run: that engine's entry replaced, the others kept. */
export function mergeRun(record: VerificationRecord, run: EngineRun): VerificationRecord {
  return { version: recordVersion, engines: { ...record.engines, [run.engine]: run } };
}

/**
 * Several records as one (one CI job per engine, one published record): every engine any of
 * them has; for an engine in more than one, the entry of the latest run by date (on the same
 * date, the record given later).
 */
export function mergeRecords(records: readonly VerificationRecord[]): VerificationRecord {
  const engines: Record<string, EngineRun> = {};
  for (const record of records) {
    for (const [key, run] of Object.entries(record.engines)) {
      const kept = engines[key];
      if (!kept || Date.parse(run.date) >= Date.parse(kept.date)) engines[key] = run;
    }
  }
  const ordered = Object.keys(engines).sort(compareVersions);
  return { version: recordVersion, engines: Object.fromEntries(ordered.map((key) => [key, engines[key]!])) };
}

/** Reads a record from JSON text, naming the file (and the entry) when it is not one. */
export function parseRecord(text: string, file: string): VerificationRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${file}: not valid JSON; delete it and run \`npm run doctest\` to write it again`, { cause });
  }
  if (!isObject(data) || !isObject(data.engines) || data.version === undefined) {
    throw new Error(`${file}: not a verification record (an object with "version" and "engines"); run \`npm run doctest\` to rewrite it`);
  }
  if (data.version !== 1 && data.version !== recordVersion) {
    throw new Error(`${file}: a verification record of version ${JSON.stringify(data.version)}; this project reads versions 1 and ${recordVersion} (run \`npm run doctest\` to rewrite it)`);
  }
  const engines: Record<string, EngineRun> = {};
  for (const [key, entry] of Object.entries(data.engines)) {
    engines[key] = parseEntry(entry, `${file}: engines[${JSON.stringify(key)}]`, data.version === 1);
  }
  return { version: recordVersion, engines };
}

function parseEntry(entry: unknown, where: string, v1: boolean): EngineRun {
  if (!isObject(entry)) throw new Error(`${where}: not an engine entry (an object)`);
  const bad = (field: string, want: string) => new Error(`${where}: "${field}" ${want}; run \`npm run doctest\` to rewrite the entry`);
  for (const field of ['engine', 'client', 'date', 'commit']) {
    if (typeof entry[field] !== 'string') throw bad(field, 'must be a string');
  }
  if (Number.isNaN(Date.parse(entry.date as string))) throw bad('date', `must be an ISO 8601 date, not ${JSON.stringify(entry.date)}`);
  // version 1 had no proof: every entry came from a live run
  const proof = entry.proof === undefined && v1 ? 'live' : entry.proof;
  if (!proofs.includes(proof as Proof)) throw bad('proof', `must be ${proofs.map((p) => `"${p}"`).join(' or ')}, not ${JSON.stringify(entry.proof)}`);
  if (proof === 'captures' && typeof entry.captures !== 'string') throw bad('captures', 'must name the folder of captured output (proof "captures")');
  if (!Array.isArray(entry.images)) throw bad('images', 'must be a list');
  if (!isObject(entry.pages)) throw bad('pages', 'must be an object by page id');
  for (const [id, page] of Object.entries(entry.pages)) {
    const ok = isObject(page) && typeof page.hash === 'string' && typeof page.ok === 'boolean' && isStrings(page.failures) &&
      (page.uncovered === undefined || isStrings(page.uncovered)) && (page.cases === undefined || typeof page.cases === 'number') &&
      (page.date === undefined || (typeof page.date === 'string' && !Number.isNaN(Date.parse(page.date))));
    if (!ok) throw bad(`pages.${id}`, 'must have a "hash", "ok" and "failures" (and, for captures, "cases" and "uncovered"; a kept page, its "date")');
    if (page.examples !== undefined && !isBlockExamples(page.examples)) {
      throw bad(`pages.${id}.examples`, 'must map each block ("content/x.mdx:LINE") to its "written" hash and "lines" (line number -> the values of its tokens)');
    }
  }
  const { engine, client, date, commit, images, pages, captures, proof: _proof, ...rest } = entry;
  return { engine, proof, ...(captures === undefined ? {} : { captures }), client, date, commit, images, pages, ...rest } as EngineRun;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Engine versions in numeric order: 20.10.24 < 26.1.5 < 28.5.2. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
