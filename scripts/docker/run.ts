// Running external commands (docker, apt-get, mmdebstrap, npm) with errors that name the
// command, say what it printed and what to do. One place, so every stage fails the same way: the
// project's one error shape (GuideError: what failed, the details, what to do).
import { spawn } from 'node:child_process';
import { GuideError } from '../../snippets/lib/errors.mjs';

export interface RunOptions {
  /** deadline in milliseconds; the command is killed (by its pid) when it passes */
  timeoutMs?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** text written to the command's stdin */
  input?: string;
  /** stream the command's output to this process's stderr as it comes (long builds) */
  echo?: boolean;
  /** a hint appended to the error message: what the reader should do */
  hint?: string;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export class CommandError extends GuideError {
  readonly result: RunResult;
  constructor(what: string, details: string[], todo: string, result: RunResult, cause?: unknown) {
    super(what, details, todo, cause);
    this.name = 'CommandError';
    this.result = result;
  }
}

const RERUN = 'read what it printed, fix what it names, then run the same command again';

/** Runs argv and resolves with its output whatever the exit status. */
export function runCommand(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const [cmd, ...args] = argv;
  if (cmd === undefined) throw new Error('runCommand: empty argv');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      const result = { code: null, stdout, stderr, timedOut };
      reject(new CommandError(`${describe(argv)} could not start: ${error.message}`, [], options.hint ?? `install ${cmd} or put it on PATH, then run again`, result, error));
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // a command may exit before reading its input
      child.stdin.end(options.input);
    }
  });
}

/** Runs argv and returns its trimmed stdout; throws a CommandError unless it exits 0. */
export async function captureCommand(argv: readonly string[], options: RunOptions = {}): Promise<string> {
  const result = await runCommand(argv, options);
  if (result.code !== 0) throw failure(argv, result, options.hint);
  return result.stdout.trim();
}

/** Like captureCommand, for commands run for their effect. */
export async function executeCommand(argv: readonly string[], options: RunOptions = {}): Promise<void> {
  await captureCommand(argv, options);
}

/** The CommandError of a command that ended badly: how, the last lines it printed, what to do. */
export function failure(argv: readonly string[], result: RunResult, hint?: string): CommandError {
  const status = result.timedOut ? 'timed out' : `exited with ${result.code}`;
  const output = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-15);
  const details = (result.stderr.trim() || result.stdout.trim()) ? output.map((line) => `| ${line}`) : [];
  return new CommandError(`${describe(argv)} ${status}`, details, hint ?? RERUN, result);
}

/** Its message, for a caller that reports the failure as text. */
export function formatFailure(argv: readonly string[], result: RunResult, hint?: string): string {
  return failure(argv, result, hint).message;
}

export function describe(argv: readonly string[]): string {
  const shown = argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`));
  const text = shown.join(' ');
  return `\`${text.length > 200 ? `${text.slice(0, 200)}…` : text}\``;
}
