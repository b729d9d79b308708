// The isolated engine the Docker shards run on (scripts/docker/engines/isolated.ts): an engine ID
// of its own, the guide's host port 3000 taken on it and on the default engine at once (its
// network namespace has its own localhost), the doc-test runner passing a page on it, and after
// stopping nothing of it left: its process, its socket, its namespace.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../../scripts/docker/engine.ts';
import { planPaths } from '../../scripts/docker/engines/daemon.ts';
import { inNamespace, startIsolatedEngine, stopIsolatedEngine } from '../../scripts/docker/engines/isolated.ts';
import { makeContent, runDoctest, withGuideLock } from './doctest/helpers.ts';

const name = 'isolated-test';
const docker = (host: string | undefined, ...args: string[]) =>
  execFileSync('docker', args, { encoding: 'utf8', env: { ...process.env, ...(host ? { DOCKER_HOST: host } : {}) } }).trim();

/** Redis's answer to PING on localhost:3000, asked from `argvPrefix`'s network namespace (none: this one). */
function pingPort3000(argvPrefix: (argv: string[]) => string[]): string {
  const script = "const s=require('net').connect(3000,'127.0.0.1',()=>s.write('PING\\r\\n'));s.on('data',d=>{process.stdout.write(String(d).trim());s.end()});s.on('error',e=>{process.stdout.write(e.code);})";
  const [cmd, ...args] = argvPrefix([process.execPath, '-e', script]) as [string, ...string[]];
  return execFileSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
}

describe('an isolated engine', () => {
  it('has its own ID and its own port 3000, runs a page, and leaves nothing once stopped', async () => {
    await withGuideLock(async () => {
      const engine = await startIsolatedEngine(name);
      const ids: { host?: string; id: string }[] = [];
      try {
        expect(docker(engine.host, 'info', '--format', '{{.ID}}')).not.toBe(docker(undefined, 'info', '--format', '{{.ID}}'));
        // port 3000 on both engines at once: a redis behind each
        ids.push({ host: engine.host, id: docker(engine.host, 'run', '-d', '-p', '3000:6379', 'redis') });
        ids.push({ id: docker(undefined, 'run', '-d', '-p', '3000:6379', 'redis') });
        const answer = async (prefix: (argv: string[]) => string[]) => {
          for (const end = Date.now() + 15_000; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 100))) {
            const got = pingPort3000(prefix);
            if (got === '+PONG') return got;
          }
          return pingPort3000(prefix);
        };
        expect(await answer((argv) => inNamespace(name, argv))).toBe('+PONG');
        expect(await answer((argv) => argv)).toBe('+PONG');
        const run = await runDoctest(['--content', makeContent(['step1.mdx'])], { DOCKER_HOST: engine.host });
        expect(run.exitCode, run.output).toBe(0);
        expect(docker(engine.host, 'ps', '-aq', '--filter', 'name=^redis-server$')).toBe('');
      } finally {
        for (const { host, id } of ids) docker(host, 'rm', '-f', '-v', id);
        await stopIsolatedEngine(engine);
      }
      expect(isAlive(engine.pid)).toBe(false);
      expect(existsSync(planPaths(name).socket)).toBe(false);
      expect(existsSync(engine.namespace)).toBe(false);
    });
  }, 180_000);
});
