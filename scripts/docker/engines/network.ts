// A bridge of its own for an extra engine, so it can run beside the default one: the default
// engine owns docker0, 172.17.0.0/16 and the iptables chains, so an extra engine runs with
// --iptables=false on its own bridge, and FORWARD rules let containers talk to each other
// (br_netfilter sends bridged traffic through FORWARD, whose policy the default engine sets to
// DROP): one for its default bridge, one for the networks it creates (`docker network create`,
// bridges named br-<id>) that accepts only traffic switched inside one bridge (physdev), so
// networks stay apart. Each rule carries the engine's name, so stopping one engine removes its
// own. (Not an address pool of its own: with --default-address-pool, dockerd deletes the link
// named docker0 at start-up, whatever --bridge says, and so the default engine's bridge.)
// Host-to-container and published ports need no rule. Debian's engines have subnets
// 172.30.<20 + index>.0/24 in engineSpecs order (bookworm 20, trixie 21, forky 22); an engine
// from static binaries (`--engine 29.7=…`) has bridge guide-s<major>-<minor> on
// 172.30.<40 + (20 × major + minor) mod 200>.0/24 (40-239: never a Debian engine's, and one per
// version, so two versions can run at once), all off docker0's 172.17.0.0/16; a bridge is only
// created when no route on this machine overlaps its subnet.
import { captureCommand, executeCommand, runCommand } from '../run.ts';
import { engineSpecs, type EngineSpec } from './specs.ts';

export interface EngineBridge {
  name: string;
  /** the host's address on it, with prefix, e.g. 172.30.26.1/24 */
  address: string;
}

export function planBridge(suite: string, index: number): EngineBridge {
  return { name: `guide-${suite}`.slice(0, 15), address: `172.30.${20 + index}.1/24` };
}

/** The bridge of an engine from static binaries, by its major.minor version. */
export function planStaticBridge(version: string): EngineBridge {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return { name: `guide-s${major}-${minor}`, address: `172.30.${40 + ((20 * major + minor) % 200)}.1/24` };
}

/** An engine's bridge: a Debian suite's by its place in engineSpecs, static binaries' by version. */
export function planEngineBridge(spec: EngineSpec, specs: readonly EngineSpec[] = engineSpecs): EngineBridge {
  if (spec.source.kind === 'static') return planStaticBridge(spec.version);
  const { suite } = spec.source;
  const index = specs.findIndex((s) => s.source.kind === 'debian' && s.source.suite === suite);
  if (index < 0) throw new Error(`Debian ${suite} is not in engineSpecs (scripts/docker/engines/specs.ts): add it there to give it a bridge`);
  return planBridge(suite, index);
}

/** An IPv4 route's destination as [first, last] address; 'default' and IPv6 are not compared. */
function addressRange(cidr: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(cidr);
  if (!match) return undefined;
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  const prefix = match[5] === undefined ? 32 : Number(match[5]);
  const size = 2 ** (32 - prefix);
  const first = Math.floor((((a * 256 + b) * 256 + c) * 256 + d) / size) * size;
  return [first, first + size - 1];
}

export interface Route {
  dst: string;
  dev?: string;
}

/**
 * The routes (as `ip -j route show` lists them) whose destination overlaps the bridge's subnet,
 * other than the bridge's own: another network there would take the engine's traffic.
 */
export function overlappingRoutes(routes: readonly Route[], bridge: EngineBridge): Route[] {
  const mine = addressRange(bridge.address);
  if (!mine) throw new Error(`bridge ${bridge.name}: ${bridge.address} is not an IPv4 address with prefix`);
  return routes.filter((route) => {
    const theirs = route.dev === bridge.name ? undefined : addressRange(route.dst);
    return theirs !== undefined && theirs[0] <= mine[1] && mine[0] <= theirs[1];
  });
}

/** The FORWARD rules an engine needs: its default bridge, and traffic inside each of its networks. */
export function forwardRules(bridge: EngineBridge): string[][] {
  const mine = ['-m', 'comment', '--comment', bridge.name, '-j', 'ACCEPT'];
  return [
    ['FORWARD', '-i', bridge.name, '-o', bridge.name, ...mine],
    ['FORWARD', '-i', 'br-+', '-m', 'physdev', '--physdev-is-bridged', ...mine],
  ];
}

export async function createBridge(bridge: EngineBridge): Promise<void> {
  const exists = (await runCommand(['ip', 'link', 'show', bridge.name])).code === 0;
  if (!exists) {
    const routes = JSON.parse(await captureCommand(['ip', '-j', 'route', 'show'])) as Route[];
    const taken = overlappingRoutes(routes, bridge);
    if (taken.length > 0) {
      const where = taken.map((r) => `${r.dst}${r.dev ? ` dev ${r.dev}` : ''}`).join(', ');
      throw new Error(
        `the extra engine's bridge ${bridge.name} (${bridge.address}) overlaps ${where}: its containers would be ` +
          'unreachable. Remove that network, or give the engine another subnet in planBridge (scripts/docker/engines/network.ts).',
      );
    }
    await executeCommand(['ip', 'link', 'add', 'name', bridge.name, 'type', 'bridge']);
    await executeCommand(['ip', 'addr', 'add', bridge.address, 'dev', bridge.name]);
  }
  await executeCommand(['ip', 'link', 'set', bridge.name, 'up']);
  for (const [chain, ...rule] of forwardRules(bridge)) {
    const present = (await runCommand(['iptables', '-C', chain!, ...rule])).code === 0;
    if (!present) await executeCommand(['iptables', '-I', chain!, '1', ...rule]);
  }
}

export async function removeBridge(bridge: EngineBridge): Promise<void> {
  for (const rule of forwardRules(bridge)) await runCommand(['iptables', '-D', ...rule]);
  await runCommand(['ip', 'link', 'delete', bridge.name, 'type', 'bridge']);
}
