// An engine in a network namespace of its own, so that Docker suites run side by side with the
// default engine's (scripts/test/docker-shards.ts). The guide's names (redis-server, guide-net)
// exist once per engine, and its host port 3000 once per network namespace: this engine is the
// machine's own dockerd (the default engine's binary) started with `nsenter --net` in namespace
// guide-<name>, with its own loopback, docker0 and iptables tables, on its own paths (planPaths:
// data root under .cache/engines/<name>/, kept, so its images are loaded once; socket
// /run/guide-engines/<name>.sock). Whatever talks to its published ports runs in the same
// namespace (`inNamespace`). The namespace has no link to any other network. Stopping ends
// exactly the dockerd it started, by its pid, then its container shims and the namespace.
//
//   node scripts/docker/engines/isolated.ts stop <name>   stop one an interrupted test run left
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startDetachedDaemon, waitForEngine } from '../engine.ts';
import { captureCommand } from '../run.ts';
import { endDaemon, liveDaemonPid, planPaths } from './daemon.ts';
import { loadImages } from './load-images.ts';

export interface IsolatedEngine {
  name: string;
  pid: number;
  /** the DOCKER_HOST value that reaches it (its socket is a file: any namespace reaches it) */
  host: string;
  serverVersion: string;
  logFile: string;
  /** the network namespace it runs in: /run/netns/guide-<name> */
  namespace: string;
}

export const namespacePath = (name: string) => `/run/netns/guide-${name}`;

/** argv run in the engine's network namespace, where its published ports are on localhost. Pure. */
export function inNamespace(name: string, argv: readonly string[]): string[] {
  return ['nsenter', `--net=${namespacePath(name)}`, ...argv];
}

/**
 * Its daemon.json. Before Docker 23 the engine's ID (which the doc-test runner locks and keeps its
 * run folder by) comes from a key file, /etc/docker/key.json unless told: it gets its own, or it
 * would share the default engine's ID. From 23 on the ID is kept in the data root. Pure.
 */
export function isolatedConfig(dockerdMajor: number, keyFile: string): Record<string, string> {
  return dockerdMajor < 23 ? { 'deprecated-key-path': keyFile } : {};
}

/** dockerd's argv: its own paths and containerd namespaces, docker0 and iptables as by default. Pure. */
export function buildIsolatedArgs(name: string, dockerd = 'dockerd'): string[] {
  const p = planPaths(name);
  return inNamespace(name, [
    dockerd,
    `--config-file=${p.configFile}`,
    `--data-root=${p.dataRoot}`,
    `--exec-root=${p.execRoot}`,
    `--pidfile=${p.pidFile}`,
    `--host=unix://${p.socket}`,
    `--containerd-namespace=guide-${name}`,
    `--containerd-plugins-namespace=guide-${name}-plugins`,
  ]);
}

/** "Docker version 20.10.24+dfsg1, build 5d6db84" -> 20. Pure. */
export function parseDockerdMajor(versionLine: string): number {
  const match = /version (\d+)\./.exec(versionLine);
  if (!match) throw new Error(`\`dockerd --version\` printed "${versionLine.trim()}", which names no version`);
  return Number(match[1]);
}

/** Starts the engine `name` in its namespace with the guide's images loaded (from the default engine). */
export async function startIsolatedEngine(name: string): Promise<IsolatedEngine> {
  const p = planPaths(name);
  const host = `unix://${p.socket}`;
  if (liveDaemonPid(name) !== undefined) {
    throw new Error(`an isolated engine ${name} already runs (pid file ${p.pidFile}), left by an interrupted test run: stop it with \`node scripts/docker/engines/isolated.ts stop ${name}\`, then run the tests again`);
  }
  const major = parseDockerdMajor(await captureCommand(['dockerd', '--version']));
  mkdirSync(path.dirname(p.pidFile), { recursive: true });
  mkdirSync(p.dataRoot, { recursive: true });
  writeFileSync(p.configFile, `${JSON.stringify(isolatedConfig(major, path.join(path.dirname(p.configFile), 'key.json')))}\n`);
  if (!existsSync(namespacePath(name))) await captureCommand(['ip', 'netns', 'add', `guide-${name}`]);
  await captureCommand(['ip', '-n', `guide-${name}`, 'link', 'set', 'lo', 'up']);
  let pid: number | undefined;
  try {
    pid = await startDetachedDaemon(buildIsolatedArgs(name), p.logFile); // nsenter execs dockerd: the pid is dockerd's
    const serverVersion = await waitForEngine({ ...process.env, DOCKER_HOST: host }, p.logFile, pid, 60_000);
    await loadImages(host);
    return { name, pid, host, serverVersion, logFile: p.logFile, namespace: namespacePath(name) };
  } catch (error) {
    await stopIsolatedEngine({ name, pid }); // what started of it goes: the process, its socket, the namespace
    throw error;
  }
}

/** Ends the dockerd it started (daemon.ts's endDaemon: by its pid, its shims, its socket), then the namespace. */
export async function stopIsolatedEngine(engine: { name: string; pid?: number }, deadlineMs = 20_000): Promise<void> {
  await endDaemon(engine.name, engine.pid, deadlineMs);
  await removeNamespace(engine.name);
}

async function removeNamespace(name: string): Promise<void> {
  if (existsSync(namespacePath(name))) await captureCommand(['ip', 'netns', 'delete', `guide-${name}`]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, name] = process.argv.slice(2);
  if (command !== 'stop' || !name) {
    console.error('usage: node scripts/docker/engines/isolated.ts stop <name>');
    process.exit(2);
  }
  const pid = liveDaemonPid(name);
  if (pid === undefined) console.log(`no isolated engine ${name} runs (no live pid in ${planPaths(name).pidFile}); removing what it left, if anything`);
  await stopIsolatedEngine({ name, pid });
  console.log(`isolated engine ${name}: stopped`);
}
