// The verification record: what each doc-test run proved, per engine, kept in
// verification/record.json (committed, so the site build can show it; every run rewrites
// the entry of the engine it ran on). Pure functions here; reading and writing in store.ts.
import { createHash } from 'node:crypto';

export interface ImageFact {
  name: string; // "redis"
  id: string; // "sha256:…"
  standIn: boolean; // a local stand-in built from Debian packages, not the registry's image
}

export interface PageResult {
  hash: string; // sha256 of the page text as verified
  ok: boolean;
  failures: string[]; // "content/step2.mdx:31" of each failed case
}

export interface EngineRun {
  engine: string; // server version, "20.10.24"
  client: string; // client version
  date: string; // ISO 8601, when the run finished
  commit: string; // git commit the run verified ("unknown" outside git)
  images: ImageFact[];
  pages: Record<string, PageResult>; // by page id ("step2")
}

export interface VerificationRecord {
  version: 1;
  engines: Record<string, EngineRun>; // by engine version
}

export const emptyRecord = (): VerificationRecord => ({ version: 1, engines: {} });

/** Hash of a page as the doc-tests read it; line endings do not count. */
export function hashPage(text: string): string {
  return 'sha256:' + createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** The record after one engine's run: that engine's entry replaced, the others kept. */
export function mergeRun(record: VerificationRecord, run: EngineRun): VerificationRecord {
  return { version: 1, engines: { ...record.engines, [run.engine]: run } };
}

/** Reads a record from JSON text, naming the file when it is not one. */
export function parseRecord(text: string, file: string): VerificationRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${file}: not valid JSON; delete it and run \`npm run doctest\` to write it again`, { cause });
  }
  const record = data as Partial<VerificationRecord>;
  if (record.version !== 1 || typeof record.engines !== 'object' || record.engines === null) {
    throw new Error(`${file}: not a verification record (version 1 with "engines"); run \`npm run doctest\` to rewrite it`);
  }
  return record as VerificationRecord;
}

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
