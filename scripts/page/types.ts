// The shapes every stage shares: what a page holds (parse), what a snippet run reports (run).
// The page format these describe is docs/page-format.md.
import type { Frontmatter } from './frontmatter-schema.ts';

/** `content/step2.mdx:31`: every case, error and report line is named by one. */
export interface Location {
  file: string; // path relative to the project root, e.g. "content/step2.mdx"
  line: number; // 1-based line of the block's opening fence
}

/** A page's front matter: the shape of its one schema (title, description, step, snippet, needs, minutes). */
export type { Frontmatter };

/** One command a reader types: a line of a `sh` block, `\` continuations joined. */
export interface Command {
  id: string; // "content/step2.mdx:31#1" (block location, 1-based index in the block)
  at: Location; // line of the command itself (first line if continued)
  text: string; // verbatim as shown and copied, continuations kept ("a \\\n  b")
  ready?: string; // URL (poll until 200) or a command (repeat until exit 0)
  timeout: number; // seconds; default 60
  interactive: boolean;
  snippet: string | undefined; // target snippet; the page's by default, "cleanup" when the block says so
  title?: string;
  outputs: Expectation[]; // one per engine range, in page order; [] when none is documented
  sessions: Session[]; // interactive commands: one screen per engine range, in page order (same inputs)
}

export interface Expectation {
  at: Location; // the output block's opening fence
  body: string; // the block text as written (redactions included), without the fences
  unordered: boolean;
  subset: boolean;
  docker?: string; // semver range, e.g. ">=28"; undefined = every engine
  exit: number; // expected exit status, default 0
}

export interface Session {
  at: Location;
  prompt: string; // "redis:6379> "
  body: string; // the screen as written
  inputs: string[]; // what is typed at each prompt, in order
  docker?: string; // semver range, as on output blocks; undefined = every engine
}

export interface Page {
  id: string; // "step2"
  file: string; // "content/step2.mdx"
  frontmatter: Frontmatter;
  commands: Command[]; // page order
}

/** A problem in a page, reported as `file:line: message`. */
export interface PageError {
  at: Location;
  message: string; // says what is wrong and what to write instead
}

// ---- what a snippet run reports: messages on the runner's IPC channel (snippets/lib/handover.mjs), or GUIDE_EVENTS=<file> for a person, one JSON object per line ----

export type RunEvent =
  | { kind: 'step-start'; page: string; snippet: string; time: number }
  | { kind: 'setup'; id: string; at: Location; text: string; action: 'ran' | 'reused' | 'skipped'; reason?: string }
  | { kind: 'command-start'; id: string; at: Location; text: string; time: number }
  | {
      kind: 'command-end';
      id: string;
      at: Location;
      text: string;
      output: string; // stdout and stderr as a terminal shows them (interleaved), or the rendered screen for sessions
      exitCode: number | null;
      durationMs: number;
      timedOut: boolean;
      readyMs?: number; // time spent waiting for `ready`
      containers: string[]; // ids of containers this command created, where known
      skipped?: string; // set when the command did not run because its effect exists (why); output is then the reused container's id
    }
  | { kind: 'step-end'; page: string; ok: boolean; durationMs: number; error?: string };
