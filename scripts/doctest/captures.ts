// The pages' cases against captured output (pure): the capture manifest (test/fixtures/captures.json:
// per capture file, the command it captured), which case each capture of an engine's folder is
// (found on the pages by command text, so a page's line numbers may change), and each case
// compared as a run would compare it (compare.ts), in page order so captures bind across a page
// the way a run binds them. `npm run doctest -- --captures <folder>` (captures-run.ts) and the
// unit tests of the per-engine captures use this one plan.
import type { Command, Page } from '../page/types.ts';
import { compareCase, type CommandEnd } from './compare.ts';
import type { CaseResult } from './events.ts';
import type { Bindings } from './pattern.ts';

export const manifestFile = 'test/fixtures/captures.json';

export interface CaptureEntry {
  file: string; // "env.txt", in every engine folder that has it
  command: string; // as the pages write it: "docker run --link redis-server:redis alpine env"
  run?: string; // what capture.sh runs, when it differs from the page's command
  daemonEnv?: string; // captured from a dockerd with this environment: not what a default daemon prints
  how?: string; // how it was captured, when capture.sh does not run the command itself
}

export interface CaptureManifest {
  engineVersion: { file: string; command: string }; // server-version.txt: which engine the folder holds
  captures: CaptureEntry[]; // in capture order; captures of one command are its cases in page order
}

/** Reads the manifest, naming the file and the entry when something is wrong. */
export function parseManifest(text: string, file: string): CaptureManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${file}: not valid JSON`, { cause });
  }
  const bad = (where: string, want: string) => new Error(`${file}: ${where} ${want}`);
  if (!isObject(data) || !isObject(data.engineVersion) || !Array.isArray(data.captures)) {
    throw bad('the manifest', 'must have "engineVersion" {file, command} and "captures" [{file, command}, ...]');
  }
  const given = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  if (!given(data.engineVersion.file) || !given(data.engineVersion.command)) throw bad('engineVersion', 'needs a "file" and a "command"');
  const seen = new Set<string>([data.engineVersion.file as string]);
  const captures = data.captures.map((entry: unknown, i): CaptureEntry => {
    const where = `captures[${i}]`;
    if (!isObject(entry) || !given(entry.file) || !given(entry.command)) throw bad(where, 'needs a "file" and the "command" it captured');
    const name = entry.file as string;
    if (seen.has(name)) throw bad(where, `names ${name} a second time`);
    seen.add(name);
    for (const key of ['run', 'daemonEnv', 'how']) {
      if (entry[key] !== undefined && !given(entry[key])) throw bad(`${where} (${name})`, `"${key}" must be a non-empty string`);
    }
    return entry as unknown as CaptureEntry;
  });
  return { engineVersion: data.engineVersion as CaptureManifest['engineVersion'], captures };
}

/** A command as the reader types it: `\` continuations joined, runs of spaces as one. */
export function commandKey(text: string): string {
  return text.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface CaptureFolder {
  dir: string; // as shown in messages and the record: "test/fixtures/engine-29.7"
  files: ReadonlyMap<string, string>; // every .txt file in it: name -> text
}

export interface CapturedCase {
  command: Command;
  capture?: { file: string; output: string }; // undefined: the folder has no capture of it
}

export interface CapturePlan {
  engine: string; // server-version.txt, as the engine reported it: "29.7.2"
  cases: CapturedCase[]; // every case of the pages (each command a snippet runs), in page order
  ignored: { file: string; why: string }[]; // captures of the pages' commands that are not compared
}

/** The cases a run has: every command a snippet runs (cases.ts), in page order. */
export const pageCases = (pages: Page[]): Command[] => pages.flatMap((p) => p.commands.filter((c) => c.snippet !== undefined));

/**
 * Which case each capture of `folder` is. Errors (each naming the file): a file the manifest
 * does not name, a capture of a command no page has (or of more occurrences than the pages
 * have), no engine version.
 */
export function planCaptures(pages: Page[], manifest: CaptureManifest, folder: CaptureFolder, manifestName = manifestFile): { plan?: CapturePlan; errors: string[] } {
  const errors: string[] = [];
  const at = (file: string) => `${folder.dir}/${file}`;
  const engine = folder.files.get(manifest.engineVersion.file)?.trim();
  if (!engine) errors.push(`${at(manifest.engineVersion.file)}: missing or empty; it names the engine the captures are from (\`${manifest.engineVersion.command}\`)`);
  const named = new Set([manifest.engineVersion.file, ...manifest.captures.map((c) => c.file)]);
  for (const file of [...folder.files.keys()].sort()) {
    if (!named.has(file)) errors.push(`${at(file)}: not in the capture manifest (${manifestName}); add it there with the command it captured`);
  }
  const cases = pageCases(pages);
  const byCommand = new Map<string, Command[]>();
  for (const command of cases) byCommand.set(commandKey(command.text), [...(byCommand.get(commandKey(command.text)) ?? []), command]);
  const taken = new Map<string, number>(); // per command: how many captures of it the manifest listed so far
  const captured = new Map<string, { file: string; output: string }>(); // by command id
  const ignored: CapturePlan['ignored'] = [];
  for (const entry of manifest.captures) {
    const key = commandKey(entry.command);
    const onPages = byCommand.get(key) ?? [];
    const nth = entry.daemonEnv ? 0 : (taken.get(key) ?? 0);
    if (!entry.daemonEnv) taken.set(key, nth + 1);
    const output = folder.files.get(entry.file);
    if (output === undefined) continue; // not captured on this engine: its case is uncovered
    if (onPages.length === 0) {
      errors.push(`${at(entry.file)}: a capture of \`${entry.command}\` (${manifestName}), which no page has; write the page's command there, or remove the capture`);
    } else if (nth >= onPages.length) {
      errors.push(`${at(entry.file)}: capture ${nth + 1} of \`${entry.command}\` (${manifestName}), but the pages have that command ${onPages.length} time(s)`);
    } else if (entry.daemonEnv) {
      ignored.push({ file: entry.file, why: `captured with ${entry.daemonEnv} in dockerd's environment; the pages show a default daemon's output` });
    } else {
      captured.set(onPages[nth]!.id, { file: entry.file, output });
    }
  }
  if (errors.length > 0 || !engine) return { errors };
  return { plan: { engine, cases: cases.map((command) => ({ command, capture: captured.get(command.id) })), ignored }, errors };
}

export interface CapturedResult {
  result: CaseResult;
  capture: string; // the file it was compared with
}

/** The `command-end` a run would have reported for a command that printed the capture. */
export function capturedEnd(command: Command, output: string): CommandEnd {
  return { kind: 'command-end', id: command.id, at: command.at, text: command.text, output, exitCode: 0, durationMs: 0, timedOut: false, containers: [] };
}

/**
 * Every captured case compared, in page order, each page's captures bound as a run binds them
 * (the address bound in one case is the one a later case on the page must show). A failure's
 * hint names the capture: the page's block is written from it (--update needs a live engine).
 */
export function compareCaptures(plan: CapturePlan, contentDir: string, dir: string): { results: CapturedResult[]; uncovered: Command[] } {
  const bindings = new Map<string, Bindings>();
  const results: CapturedResult[] = [];
  const uncovered: Command[] = [];
  for (const { command, capture } of plan.cases) {
    if (!capture) {
      uncovered.push(command);
      continue;
    }
    const page = command.at.file;
    const compared = compareCase(command, capturedEnd(command, capture.output), { engine: plan.engine, contentDir, bindings: bindings.get(page) ?? new Map() });
    bindings.set(page, compared.bindings);
    const { rewrite: _rewrite, ...result } = compared.result;
    if (result.failure?.hint) {
      result.failure = { ...result.failure, hint: `${dir}/${capture.file} is what Docker ${plan.engine} printed: write the page's block from it (--update rewrites from a live run)` };
    }
    results.push({ result, capture: capture.file });
  }
  return { results, uncovered };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
