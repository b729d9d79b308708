// Which recorded run's values an output or session block shows in place of its tokens: of the
// engines in the site's record (scripts/verify/store.ts), the newest whose run matched this block
// as it is written now (scripts/verify/examples.ts: its fence and the hash of its lines). None
// (an edited block, a block never run, a record without values): the placeholders. Pure, but for
// `readSiteExamples`, which reads the site's record once per build.
import { readExample } from '../../../scripts/verify/examples.ts';
import { compareVersions, type VerificationRecord } from '../../../scripts/verify/record.ts';
import { readSiteRecord } from '../../../scripts/verify/store.ts';
import type { Location } from '../../../scripts/page/types.ts';

export interface ShownExample {
  engine: string; // the run's engine, "29.7.2"
  values: Map<number, string[]>; // by 0-based line of the block: each token's text, in order
}

/** Finds the values of the block at `at` with text `body`, or undefined. */
export type ExampleLookup = (at: Location, body: string) => ShownExample | undefined;

/** The newest engine of `record` whose run matched the block as written now. */
export function findExample(record: VerificationRecord, at: Location, body: string): ShownExample | undefined {
  const newestFirst = Object.values(record.engines).sort((a, b) => compareVersions(b.engine, a.engine));
  for (const run of newestFirst) {
    for (const page of Object.values(run.pages)) {
      const values = readExample(page.examples, at, body);
      if (values) return { engine: run.engine, values };
    }
  }
  return undefined;
}

/** `findExample` over a record; the site's (committed record with this checkout's runs over it) by default, read on first use. */
export function createExampleLookup(read: () => VerificationRecord = () => readSiteRecord(process.cwd())): ExampleLookup {
  let record: VerificationRecord | undefined;
  return (at, body) => findExample((record ??= read()), at, body);
}
