// The cases of a run: every command that a snippet runs, named by its file:line (or those
// select.ts selected). Each is compared as soon as its `command-end` arrives (captures bind in
// page order: a page's commands run in order in one snippet), and reported; at the end, the ones
// that never ended are failures. A command that runs but is not selected (a page needed as
// set-up, a command beside a selected one in its snippet) is no case: it still binds its page's
// captures, and is reported as set-up.
import type { Command, Page, RunEvent } from '../page/types.ts';
import { compareCase } from './compare.ts';
import type { CaseResult, Reporter } from './events.ts';
import type { Bindings } from './pattern.ts';

export interface CaseBook {
  names: string[]; // `content/step1.mdx:15`, in page order
  record(event: RunEvent, snippet: string): void;
  finish(snippetErrors: Map<string, string | undefined>): CaseResult[];
}

export function createCaseBook(pages: Page[], engine: string, contentDir: string, report: Reporter, selected?: ReadonlySet<string>): CaseBook {
  const runs: Command[] = pages.flatMap((p) => p.commands.filter((c) => c.snippet !== undefined));
  const isCase = (command: Command) => !selected || selected.has(command.id);
  const commands = runs.filter(isCase);
  const byId = new Map(runs.map((c) => [c.id, c]));
  const setUp = new Set<string>();
  const bindings = new Map<string, Bindings>();
  const results = new Map<string, CaseResult>();
  const started = new Set<string>();
  const settle = (command: Command, compared: { result: CaseResult; bindings: Bindings }) => {
    bindings.set(command.at.file, compared.bindings);
    results.set(command.id, compared.result);
    report({ kind: 'case-end', result: compared.result });
  };
  const context = (command: Command) => ({ engine, contentDir, bindings: bindings.get(command.at.file) ?? new Map() });
  return {
    names: commands.map((c) => `${c.at.file}:${c.at.line}`),
    record(event, snippet) {
      if (event.kind !== 'command-start' && event.kind !== 'command-end') return;
      const command = byId.get(event.id);
      if (!command || command.snippet !== snippet || results.has(command.id) || setUp.has(command.id)) return; // set-up replays are not cases
      if (event.kind === 'command-start') started.add(command.id);
      else if (isCase(command)) settle(command, compareCase(command, event, context(command)));
      else {
        setUp.add(command.id);
        bindings.set(command.at.file, compareCase(command, event, context(command)).bindings);
        report({ kind: 'setup', name: `${command.at.file}:${command.at.line}`, command: command.text, snippet, exitCode: event.exitCode, durationMs: event.durationMs });
      }
    },
    finish(snippetErrors) {
      for (const command of commands) {
        if (results.has(command.id)) continue;
        const error = snippetErrors.get(command.snippet ?? '');
        const notRunCause = error ?? `its snippet (${command.snippet}) did not reach it`;
        settle(command, compareCase(command, undefined, { ...context(command), notRunCause, started: started.has(command.id) }));
      }
      return commands.map((c) => results.get(c.id)!);
    },
  };
}
