// Console reporter: one progress line per case as it finishes (`content/step2.mdx:48 ok 0.42s`);
// for a failure, the message, the diff and the command that updates the page, then a summary.
import type { CaseResult, ReportEvent, Reporter, Selection } from '../events.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;
const indent = (text: string) => text.replace(/^/gm, '    ');

/** Formats one event as console text ('' for events the console does not show). */
export function formatConsoleEvent(event: ReportEvent): string {
  switch (event.kind) {
    case 'run-start':
      return event.captures
        ? `doctest: ${event.cases.length} cases from ${event.contentDir}/ against what Docker ${event.engine} printed, captured in ${event.captures}/`
        : `doctest: ${formatCount(event.cases.length, event.selection)} from ${event.contentDir}/ on Docker ${event.engine} (${event.mode})${formatSetup(event.selection)}`;
    case 'setup':
      return `${event.name} ran as set-up, not a case of this run ${seconds(event.durationMs)}${event.exitCode === 0 ? '' : ` (exit ${event.exitCode ?? 'by a signal'})`}`;
    case 'case-end':
      return formatCase(event.result, event.capture);
    case 'not-captured':
      return formatNotCaptured(event);
    case 'snippet-end':
      return event.ok ? '' : `snippet ${event.snippet} failed after ${seconds(event.durationMs)}: ${event.error ?? 'no reason given'}`;
    case 'page-updated':
      return `updated ${event.file}: ${event.blocks} block${event.blocks === 1 ? '' : 's'} rewritten from the actual output`;
    case 'cleanup':
      return event.error ? `cleanup failed: ${event.error}` : event.removed.length > 0 ? `cleanup: removed ${event.removed.length} leftover container(s), network(s), volume(s) or image(s)` : '';
    case 'recorded':
      return `recorded: Docker ${event.engine}${event.proof === 'captures' ? ' (against its captured output)' : ''}, ${event.pages} page${event.pages === 1 ? '' : 's'}, in ${event.file}${event.copy ? ` (copy: ${event.copy})` : ''}${formatKept(event.kept)}`;
    case 'record-error':
      return `doctest: the verification record ${event.file} was not written: ${event.message}`;
    case 'run-error':
      return `doctest: ${event.message}${event.cause ? `\n${indent(`cause: ${event.cause}`)}` : ''}`;
    case 'waiting':
      return event.message;
    case 'leftovers':
      return event.error
        ? `doctest: removing what ${event.from} left failed: ${event.error}`
        : `doctest: ${event.from}${event.removed.length > 0 ? `: removed ${event.removed.length} container(s), network(s) or volume(s) it left behind` : event.from.startsWith('no ') ? '' : ': it left nothing behind'}`;
    case 'not-recorded':
      return `doctest: nothing recorded in the verification record: ${event.reason}`;
    case 'run-end':
      return `doctest: ${event.passed} passed, ${event.failed} failed in ${seconds(event.durationMs)}`;
  }
}

/** `19 cases`, or `3 of 19 cases selected (content/step2.mdx, --grep hosts)`. */
function formatCount(count: number, selection?: Selection): string {
  const cases = `${count} case${count === 1 ? '' : 's'}`;
  if (!selection) return cases;
  const by = [...selection.pages, ...(selection.grep === undefined ? [] : [`--grep ${selection.grep}`])].join(', ');
  return `${count} of ${selection.of} cases selected (${by})`;
}

function formatSetup(selection?: Selection): string {
  return selection && selection.setup.length > 0 ? `; set-up first: ${selection.setup.join(', ')} (their commands run; they are not cases of this run)` : '';
}

/** A run of some cases: what it left of the engine's earlier results. */
function formatKept(kept?: string[]): string {
  if (!kept) return '';
  return kept.length > 0 ? `; not run in full, so left as recorded before: ${kept.join(', ')}` : '; the pages not run in full are not in it';
}

function formatCase(result: CaseResult, capture?: string): string {
  const head = `${result.name} ${result.status === 'ok' ? 'ok' : result.status.toUpperCase()} ${capture ? `against ${capture}` : seconds(result.durationMs)}`;
  const f = result.failure;
  if (!f) return head;
  const parts = [f.message];
  if (f.diff) parts.push(f.diff);
  else if (f.expected !== undefined || f.received !== undefined) {
    parts.push(`expected: ${f.expected ?? '(nothing)'}`, `received: ${f.received === '' ? '(no output)' : (f.received ?? '(nothing)')}`);
  }
  if (f.cause) parts.push(`cause: ${f.cause}`);
  if (f.hint) parts.push(`to accept the actual output: ${f.hint}`);
  return `${head}\n${indent(parts.join('\n'))}`;
}

function formatNotCaptured(event: Extract<ReportEvent, { kind: 'not-captured' }>): string {
  const cases = event.cases.length === 0
    ? [`every case has a capture in ${event.dir}/`]
    : [
        `not compared: ${event.cases.length} case${event.cases.length === 1 ? '' : 's'} with no capture in ${event.dir}/ (not claimed in the record)`,
        ...event.cases.map((c) => indent(`${c.name} \`${c.command.replace(/\s*\\\n\s*/g, ' ')}\``)),
      ];
  return [...cases, ...event.ignored.map((i) => `not compared: ${event.dir}/${i.file}: ${i.why}`)].join('\n');
}

/** A reporter writing to a stream (stdout by default). */
export function createConsoleReporter(write: (text: string) => void = (t) => process.stdout.write(t)): Reporter {
  return (event) => {
    const text = formatConsoleEvent(event);
    if (text) write(`${text}\n`);
  };
}
