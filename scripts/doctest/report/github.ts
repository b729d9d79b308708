// GitHub Actions annotations: `::error file=content/step2.mdx,line=51::message` for each failed
// case, so the failure shows on the page's line in the pull request (GITHUB_ACTIONS=true only).
import type { Reporter } from '../events.ts';

// Workflow-command escaping: data %, CR, LF; properties also `:` and `,`.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The annotation line for one failure. */
export function formatAnnotation(file: string, line: number, title: string, message: string): string {
  return `::error file=${escapeProperty(file)},line=${line},title=${escapeProperty(title)}::${escapeData(message)}`;
}

export function createGithubReporter(write: (text: string) => void = (t) => process.stdout.write(t)): Reporter {
  return (event) => {
    if (event.kind === 'run-error') write(`::error title=doctest::${escapeData(event.message)}\n`);
    if (event.kind !== 'case-end' || !event.result.failure) return;
    const { failure, name } = event.result;
    const body = [failure.message, failure.diff, failure.hint && `to accept the actual output: ${failure.hint}`].filter(Boolean).join('\n');
    write(`${formatAnnotation(failure.at.file, failure.at.line, `doctest ${name}`, body)}\n`);
  };
}

/** True when running as a GitHub Actions step. */
export function isGithubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}
