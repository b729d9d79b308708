// Making a Docker engine answer: use one that answers; otherwise install Debian's docker.io
// (when dockerd is missing) and start dockerd fully detached, its log under .cache/, so it
// outlives this process and later CI stages. A dockerd someone else started is only used.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { installMissingPackages, requirements } from './apt.ts';
import { dockerdLogFile } from './config.ts';
import { runCommand } from './run.ts';

const defaultPidFile = '/var/run/docker.pid';

export interface EngineState {
  serverVersion: string;
  /** how the engine came to answer */
  action: 'already running' | 'started';
  installed: string[];
  pid?: number;
}

/** The engine's server version, or undefined when no engine answers. */
export async function probeEngine(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const result = await runCommand(['docker', 'version', '--format', '{{.Server.Version}}'], {
    env,
    timeoutMs: 10_000,
  });
  const version = result.stdout.trim();
  return result.code === 0 && version ? version : undefined;
}

export async function ensureEngine(): Promise<EngineState> {
  const running = await probeEngine();
  if (running) return { serverVersion: running, action: 'already running', installed: [] };
  const starting = findDefaultDaemon();
  if (starting !== undefined) {
    // a dockerd someone else started that does not answer yet: wait for it, never start a second
    const serverVersion = await waitForEngine(process.env, dockerdLogFile, starting, 60_000);
    return { serverVersion, action: 'already running', installed: [] };
  }
  const installed = await installMissingPackages([requirements.dockerd]);
  const pid = await startDetachedDaemon(['dockerd'], dockerdLogFile);
  const serverVersion = await waitForEngine(process.env, dockerdLogFile, pid, 60_000);
  return { serverVersion, action: 'started', installed, pid };
}

/** Starts argv in its own session with output to logFile; returns its pid without waiting. */
export async function startDetachedDaemon(
  argv: readonly string[],
  logFile: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [cmd, ...args] = argv as [string, ...string[]];
  mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', fd, fd], env });
  closeSync(fd);
  const pid = await new Promise<number>((resolve, reject) => {
    child.once('error', (error) =>
      reject(new Error(`could not start \`${argv.join(' ')}\`: ${error.message}`, { cause: error })),
    );
    child.once('spawn', () => resolve(child.pid as number));
  });
  child.unref();
  return pid;
}

/** Polls until the engine at env's DOCKER_HOST answers; fails naming the log when it does not. */
export async function waitForEngine(
  env: NodeJS.ProcessEnv,
  logFile: string,
  pid: number,
  deadlineMs: number,
): Promise<string> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    const version = await probeEngine(env);
    if (version) return version;
    if (!isAlive(pid)) throw engineError(`dockerd (pid ${pid}) exited before it answered`, logFile);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw engineError(`dockerd (pid ${pid}) did not answer within ${deadlineMs / 1000}s`, logFile);
}

/** The pid of a live default dockerd (from its pid file), if one runs. */
function findDefaultDaemon(): number | undefined {
  if (process.env.DOCKER_HOST || !existsSync(defaultPidFile)) return undefined;
  const pid = Number(readFileSync(defaultPidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function engineError(what: string, logFile: string): Error {
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-12) : [];
  return new Error(
    [`${what}.`, `Its log is ${logFile}; the last lines:`, ...tail.map((l) => `  | ${l}`),
      'Fix what the log reports (or stop the conflicting daemon), then rerun.'].join('\n'),
  );
}
