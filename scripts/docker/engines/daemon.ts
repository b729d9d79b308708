// Starting one extra dockerd on paths of its own (data root, exec root, pid file, socket,
// containerd namespace, bridge), waiting until it answers, and stopping exactly that
// process by its pid. Its log is .cache/engines/<suite>/dockerd.log.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive, startDetachedDaemon, waitForEngine } from '../engine.ts';
import { createBridge, removeBridge, type EngineBridge } from './network.ts';
import { dockerdPath, enginesCacheDir, type InstalledEngine } from './install-engine.ts';

export interface RunningEngine {
  engine: InstalledEngine;
  pid: number;
  /** the DOCKER_HOST value that reaches it */
  host: string;
  serverVersion: string;
  logFile: string;
  bridge: EngineBridge;
}

const runDir = '/run/guide-engines';

export function planPaths(suite: string) {
  const dir = path.join(enginesCacheDir, suite);
  return {
    dataRoot: path.join(dir, 'data'),
    execRoot: path.join(runDir, suite),
    pidFile: path.join(runDir, `${suite}.pid`),
    socket: path.join(runDir, `${suite}.sock`),
    logFile: path.join(dir, 'dockerd.log'),
    configFile: path.join(dir, 'daemon.json'),
  };
}

export function buildDaemonArgs(engine: InstalledEngine, bridge: EngineBridge): string[] {
  const p = planPaths(engine.suite);
  return [
    dockerdPath(engine),
    `--config-file=${p.configFile}`,
    `--data-root=${p.dataRoot}`,
    `--exec-root=${p.execRoot}`,
    `--pidfile=${p.pidFile}`,
    `--host=unix://${p.socket}`,
    `--bridge=${bridge.name}`,
    '--iptables=false',
    '--ip-masq=false',
    `--containerd-namespace=guide-${engine.suite}`,
    `--containerd-plugins-namespace=guide-${engine.suite}-plugins`,
  ];
}

export async function startEngineDaemon(engine: InstalledEngine, bridge: EngineBridge): Promise<RunningEngine> {
  const p = planPaths(engine.suite);
  const host = `unix://${p.socket}`;
  mkdirSync(runDir, { recursive: true });
  mkdirSync(p.dataRoot, { recursive: true });
  writeFileSync(p.configFile, '{}\n'); // not /etc/docker/daemon.json: that belongs to the default engine
  if (existsSync(p.pidFile) && isAlive(Number(readFileSync(p.pidFile, 'utf8')))) {
    throw new Error(`a dockerd for ${engine.suite} already runs (pid file ${p.pidFile}); use DOCKER_HOST=${host} or stop it first`);
  }
  await createBridge(bridge);
  // its own docker-proxy and docker-init first on PATH; Debian 12's containerd and runc after
  const env = { ...process.env, PATH: `${engine.root}/usr/sbin:${engine.root}/usr/bin:${process.env.PATH ?? ''}` };
  const pid = await startDetachedDaemon(buildDaemonArgs(engine, bridge), p.logFile, env);
  const serverVersion = await waitForEngine({ ...process.env, DOCKER_HOST: host }, p.logFile, pid, 60_000);
  return { engine, pid, host, serverVersion, logFile: p.logFile, bridge };
}

/** SIGTERM to the pid we started, SIGKILL after the deadline; then its bridge goes. */
export async function stopEngineDaemon(running: RunningEngine, deadlineMs = 20_000): Promise<void> {
  if (isAlive(running.pid)) process.kill(running.pid, 'SIGTERM');
  const until = Date.now() + deadlineMs;
  while (isAlive(running.pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(running.pid)) process.kill(running.pid, 'SIGKILL');
  rmSync(planPaths(running.engine.suite).socket, { force: true });
  await removeBridge(running.bridge);
}
