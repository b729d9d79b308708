// One engine's entry in the verification record, from what a doc-test run saw (pure): the
// engine facts, the hash of each page as it was read at the start, and each case's verdict.
import type { EngineRun, ImageFact, PageResult } from './record.ts';

export interface EngineFacts {
  server: string; // as the engine reports it: "20.10.24+dfsg1"
  client: string;
  images: ImageFact[];
  commit: string;
}

export interface CaseVerdict {
  name: string; // "content/step2.mdx:48"
  file: string; // "content/step2.mdx"
  ok: boolean;
}

export interface PageText {
  id: string; // "step2"
  file: string; // "content/step2.mdx"
  hash: string; // hashPage of the text the run read
}

/** `20.10.24+dfsg1` -> `20.10.24`: the version a page names (Debian's build suffix dropped). */
export function engineVersion(server: string): string {
  return /^v?(\d+(?:\.\d+){0,2})/.exec(server.trim())?.[1] ?? server.trim();
}

/** The entry of this run: every page that has cases, ok when all its cases passed. */
export function buildEngineRun(facts: EngineFacts, pages: PageText[], cases: CaseVerdict[], date: Date): EngineRun {
  const results: Record<string, PageResult> = {};
  for (const page of pages) {
    const own = cases.filter((c) => c.file === page.file);
    if (own.length === 0) continue; // a page without commands proves nothing and claims nothing
    const failures = own.filter((c) => !c.ok).map((c) => c.name);
    results[page.id] = { hash: page.hash, ok: failures.length === 0, failures };
  }
  return {
    engine: engineVersion(facts.server),
    client: facts.client,
    date: date.toISOString(),
    commit: facts.commit,
    images: facts.images,
    pages: results,
  };
}
