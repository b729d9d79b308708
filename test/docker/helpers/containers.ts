// Test containers and images: unique `guide-test-` names, removed by id afterwards. Never the
// guide's own names (redis-server) and never host port 3000: tests reach containers by their
// address on the docker bridge.
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { captureCommand, runCommand } from '../../../scripts/docker/run.ts';

export function makeTestName(role: string): string {
  return `guide-test-${role}-${randomBytes(4).toString('hex')}`;
}

export function docker(...args: string[]): Promise<string> {
  return captureCommand(['docker', ...args], { timeoutMs: 120_000 });
}

/** Tracks what a test file created so afterAll removes exactly that, by id. */
export class Created {
  readonly containers: string[] = [];
  readonly images: string[] = [];

  async run(...args: string[]): Promise<string> {
    const id = await docker('run', '-d', ...args);
    this.containers.push(id);
    return id;
  }

  async removeAll(): Promise<void> {
    for (const id of this.containers.splice(0)) await runCommand(['docker', 'rm', '-f', '-v', id]);
    for (const ref of this.images.splice(0)) await runCommand(['docker', 'image', 'rm', ref]);
  }
}

export async function containerAddress(id: string): Promise<string> {
  const address = await docker('inspect', '--format', '{{.NetworkSettings.IPAddress}}', id);
  if (!address) throw new Error(`container ${id} has no address on the default bridge`);
  return address;
}

/** This host's address on the default bridge (where its requests to containers come from). */
export async function bridgeGateway(): Promise<string> {
  const name = await docker('network', 'inspect', 'bridge', '--format', '{{index .Options "com.docker.network.bridge.name"}}');
  const address = networkInterfaces()[name]?.find((entry) => entry.family === 'IPv4')?.address;
  if (!address) throw new Error(`the default bridge's interface ${JSON.stringify(name)} has no IPv4 address on this host`);
  return address;
}

/** Repeats probe until it returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, deadlineMs = 20_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: not within ${deadlineMs / 1000}s${last ? ` (last error: ${String(last)})` : ''}`);
}
