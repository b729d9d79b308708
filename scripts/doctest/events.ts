// The report stream: every stage's outcome as a typed event (a union tagged by `kind`).
// Reporters (report/*.ts) consume it; none of them runs or compares anything.
import type { Location } from '../page/types.ts';
import type { MatchedBlock } from '../verify/examples.ts';
import type { Proof } from '../verify/record.ts';

/** `check` compares and fails on a difference; `update` rewrites the differing output blocks. */
export type Mode = { kind: 'check' } | { kind: 'update'; files: string[] }; // files: [] = every page

export type CaseStatus = 'ok' | 'failed' | 'timeout' | 'not-run';

export interface CaseFailure {
  message: string; // first line names what failed: `content/step2.mdx:51: ...`
  at: Location; // where to look: the output block, or the command
  expected?: string;
  received?: string;
  diff?: string; // unified diff, page vs actual (tokens kept where they match)
  hint?: string; // the one command that updates the page
  cause?: string;
}

/** What update mode writes into a block: the actual output, written the page's way. */
export interface BlockRewrite {
  at: Location; // the output or session block's opening fence
  lines: string[];
}

export interface CaseResult {
  name: string; // `content/step2.mdx:48`: the command's file:line
  at: Location;
  command: string;
  status: CaseStatus;
  durationMs: number;
  failure?: CaseFailure;
  rewrite?: BlockRewrite; // present when the output differs and a rewrite would fix it
  example?: MatchedBlock; // the block its output matched, with what each token matched (a block with tokens only)
}

/** A run of some cases (select.ts): how many the pages have, what selected them, and the snippets run only as set-up. */
export interface Selection {
  of: number;
  pages: string[]; // the pages named ("content/step2.mdx"); [] = every page
  grep?: string;
  setup: string[]; // snippet names ("step1")
}

export type ReportEvent =
  | { kind: 'run-start'; engine: string; mode: Mode['kind']; contentDir: string; cases: string[]; captures?: string; selection?: Selection } // captures: the folder a captures run compares with
  // a command that ran but is no case of this run: a page needed as set-up, or beside a selected case in its snippet (select.ts)
  | { kind: 'setup'; name: string; command: string; snippet: string; exitCode: number | null; durationMs: number }
  | { kind: 'snippet-end'; snippet: string; ok: boolean; durationMs: number; error?: string }
  | { kind: 'case-end'; result: CaseResult; capture?: string } // capture: the file a captures run compared it with
  | { kind: 'page-updated'; file: string; blocks: number }
  | { kind: 'cleanup'; removed: string[]; error?: string }
  // the run's verification record entry; pages: those this run proved; kept (a run of some cases): the engine's earlier results it left as they were
  | { kind: 'recorded'; engine: string; proof?: Proof; file: string; copy?: string; pages: number; kept?: string[] }
  // a captures run: the cases with no capture in the folder, and captures it did not compare (why)
  | { kind: 'not-captured'; dir: string; cases: { name: string; command: string }[]; ignored: { file: string; why: string }[] }
  | { kind: 'record-error'; file: string; message: string } // the entry could not be written
  | { kind: 'run-error'; message: string; cause?: string } // stopped before or outside any case
  | { kind: 'waiting'; message: string } // another run holds this engine's lock (engine-lock.ts)
  | { kind: 'leftovers'; from: string; removed: string[]; error?: string } // what an unfinished run left, removed first (claim.ts)
  | { kind: 'not-recorded'; reason: string } // the run could not finish: nothing is claimed in the record
  | { kind: 'run-end'; passed: number; failed: number; durationMs: number };

export type Reporter = (event: ReportEvent) => void;
