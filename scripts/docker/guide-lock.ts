// The lock that everything creating the guide's containers on one engine holds: the Docker test
// files and the doc-test bench. The guide's names (redis-server, guide-net) and its host port 3000
// exist once per engine, so the lock is the engine's: /tmp/guide-docker.lock for the default
// engine, /tmp/guide-docker-<socket>.lock for one at another DOCKER_HOST (the Docker suite's
// isolated engine, scripts/docker/engines/isolated.ts), so that suites on separate engines run
// side by side. flock(1) holds it; it goes when the holder is let go or this process ends.
import { spawn } from 'node:child_process';

const defaultHosts = new Set(['', 'unix:///var/run/docker.sock', 'unix:///run/docker.sock']);

/** The lock file for the engine at `host` (DOCKER_HOST). Pure. */
export function guideLockPath(host = ''): string {
  if (defaultHosts.has(host)) return '/tmp/guide-docker.lock';
  return `/tmp/guide-docker-${host.replace(/^[a-z]+:\/\//, '').replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+/, '')}.lock`;
}

/** Waits for the lock of the engine at `host`; resolves with the function that lets it go. */
export async function holdGuideLock(host = process.env.DOCKER_HOST ?? ''): Promise<() => Promise<void>> {
  const file = guideLockPath(host);
  const holder = spawn('flock', [file, '-c', 'echo locked; exec cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => holder.once('exit', resolve));
  const letGo = () => holder.stdin.end(); // cat ends, and flock with it
  process.once('exit', letGo);
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`flock ${file} exited ${code} before locking`)));
  });
  return async () => {
    process.off('exit', letGo);
    letGo();
    await exited;
  };
}
