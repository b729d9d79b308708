// Starting one extra dockerd on paths of its own (data root, exec root, pid file, socket,
// containerd namespace, bridge), waiting until it answers, and stopping exactly that
// process by its pid. Its log is .cache/engines/<name>/dockerd.log, where the name is its
// Debian suite ("trixie") or "static-<version>" for Docker's static binaries. The folders of its
// binaries come first on its PATH, so it runs its own docker-proxy and docker-init (and, from
// static binaries, its own containerd and runc); a start that fails leaves nothing running.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive, startDetachedDaemon, waitForEngine } from '../engine.ts';
import { runCommand } from '../run.ts';
import { createBridge, removeBridge, type EngineBridge } from './network.ts';
import { dockerdPath, enginesCacheDir, type InstalledEngine } from './install-engine.ts';

/** What a dockerd is started from. */
export interface EngineBinaries {
  /** names its paths and containerd namespaces: "trixie", "static-29.7" */
  name: string;
  dockerd: string;
  /** folders put first on the daemon's PATH, in this order */
  binDirs: string[];
}

/** Debian's docker.io unpacked: its own docker-proxy and docker-init first; Debian 12's containerd and runc after. */
export function debianBinaries(engine: InstalledEngine): EngineBinaries {
  return { name: engine.suite, dockerd: dockerdPath(engine), binDirs: [path.join(engine.root, 'usr/sbin'), path.join(engine.root, 'usr/bin')] };
}

/** Docker's static binaries (static.ts): everything from that one folder. */
export function staticBinaries(version: string, folder: string): EngineBinaries {
  return { name: `static-${version}`, dockerd: path.join(folder, 'dockerd'), binDirs: [folder] };
}

export interface RunningEngine {
  engine: EngineBinaries;
  pid: number;
  /** the DOCKER_HOST value that reaches it */
  host: string;
  serverVersion: string;
  logFile: string;
  bridge: EngineBridge;
}

const runDir = '/run/guide-engines';

export function planPaths(name: string) {
  const dir = path.join(enginesCacheDir, name);
  return {
    dataRoot: path.join(dir, 'data'),
    execRoot: path.join(runDir, name),
    pidFile: path.join(runDir, `${name}.pid`),
    socket: path.join(runDir, `${name}.sock`),
    logFile: path.join(dir, 'dockerd.log'),
    configFile: path.join(dir, 'daemon.json'),
  };
}

export function buildDaemonArgs(engine: EngineBinaries, bridge: EngineBridge): string[] {
  const p = planPaths(engine.name);
  return [
    engine.dockerd,
    `--config-file=${p.configFile}`,
    `--data-root=${p.dataRoot}`,
    `--exec-root=${p.execRoot}`,
    `--pidfile=${p.pidFile}`,
    `--host=unix://${p.socket}`,
    `--bridge=${bridge.name}`,
    '--iptables=false',
    '--ip-masq=false',
    `--containerd-namespace=guide-${engine.name}`,
    `--containerd-plugins-namespace=guide-${engine.name}-plugins`,
  ];
}

/** The daemon's PATH: its binaries' folders, then the machine's. */
export function daemonPath(engine: EngineBinaries, machinePath = process.env.PATH ?? ''): string {
  return [...engine.binDirs, ...(machinePath ? [machinePath] : [])].join(':');
}

export async function startEngineDaemon(engine: EngineBinaries, bridge: EngineBridge): Promise<RunningEngine> {
  const p = planPaths(engine.name);
  const host = `unix://${p.socket}`;
  mkdirSync(runDir, { recursive: true });
  mkdirSync(p.dataRoot, { recursive: true });
  writeFileSync(p.configFile, '{}\n'); // not /etc/docker/daemon.json: that belongs to the default engine
  if (liveDaemonPid(engine.name) !== undefined) {
    throw new Error(`a dockerd for ${engine.name} already runs (pid file ${p.pidFile}); use DOCKER_HOST=${host} or stop it first`);
  }
  await createBridge(bridge);
  const env = { ...process.env, PATH: daemonPath(engine) };
  let pid: number | undefined;
  try {
    pid = await startDetachedDaemon(buildDaemonArgs(engine, bridge), p.logFile, env);
    const serverVersion = await waitForEngine({ ...process.env, DOCKER_HOST: host }, p.logFile, pid, 60_000);
    return { engine, pid, host, serverVersion, logFile: p.logFile, bridge };
  } catch (error) {
    // it exited or never answered: nothing of it stays (the process, if it still runs, its socket, its bridge)
    if (pid === undefined) {
      rmSync(p.socket, { force: true });
      await removeBridge(bridge);
    } else {
      await stopEngineDaemon({ engine, pid, host, serverVersion: '', logFile: p.logFile, bridge });
    }
    throw error;
  }
}

/**
 * The container shims of this engine's containerd (`-namespace guide-<name> … -address
 * <its exec root>/…`), from `ps` lines (`<pid> <args>`): after its dockerd was killed they outlive
 * it, and they are this engine's alone. Pure.
 */
export function findEngineShims(psLines: string, name: string): number[] {
  const { execRoot } = planPaths(name);
  return psLines
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && /containerd-shim/.test(m[2]!) && m[2]!.includes(` -namespace guide-${name} `) && m[2]!.includes(` -address ${execRoot}/`))
    .map((m) => Number(m[1]));
}

/** Whether `dir` is a mount point now (dockerd mounts its data root on itself). */
function isMountPoint(dir: string): boolean {
  try {
    return readFileSync('/proc/mounts', 'utf8').split('\n').some((line) => line.split(' ')[1] === dir);
  } catch {
    return false;
  }
}

/** The pid in the pid file of the dockerd named `name`, when that process is alive. */
export function liveDaemonPid(name: string): number | undefined {
  const { pidFile } = planPaths(name);
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : undefined;
  return pid !== undefined && pid > 0 && isAlive(pid) ? pid : undefined;
}

/**
 * Ends the dockerd named `name` that we started, by its `pid` (none: it is gone already):
 * SIGTERM, SIGKILL after the deadline. A daemon that was killed (a test does it on purpose) leaves
 * its containers' shims and its data root mounted: both are this engine's, so they go too, and its
 * socket. What else it had (a bridge, a namespace) is its caller's to remove.
 */
export async function endDaemon(name: string, pid: number | undefined, deadlineMs = 20_000): Promise<void> {
  const alive = () => pid !== undefined && pid > 0 && isAlive(pid); // never a group, or every process
  if (alive()) process.kill(pid!, 'SIGTERM');
  const until = Date.now() + deadlineMs;
  while (alive() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) process.kill(pid!, 'SIGKILL');
  const paths = planPaths(name);
  const ps = await runCommand(['ps', '-eo', 'pid=,args=']);
  for (const shim of findEngineShims(ps.stdout, name)) if (isAlive(shim)) process.kill(shim, 'SIGKILL');
  if (isMountPoint(paths.dataRoot)) await runCommand(['umount', paths.dataRoot]);
  rmSync(paths.socket, { force: true });
}

/** Ends the extra dockerd we started (endDaemon), then its bridge goes. */
export async function stopEngineDaemon(running: RunningEngine, deadlineMs = 20_000): Promise<void> {
  await endDaemon(running.engine.name, running.pid, deadlineMs);
  await removeBridge(running.bridge);
}
