// A bridge of its own for an extra engine, so it can run beside the default one: the default
// engine owns docker0, 172.17.0.0/16 and the iptables chains, so an extra engine runs with
// --iptables=false on its own bridge, and FORWARD rules let containers talk to each other
// (br_netfilter sends bridged traffic through FORWARD, whose policy the default engine sets to
// DROP): one for its default bridge, one for the networks it creates (`docker network create`,
// bridges named br-<id>) that accepts only traffic switched inside one bridge (physdev), so
// networks stay apart. Each rule carries the engine's name, so stopping one engine removes its
// own. (Not an address pool of its own: with --default-address-pool, dockerd deletes the link
// named docker0 at start-up, whatever --bridge says, and so the default engine's bridge.)
// Host-to-container and published ports need no rule.
import { runCommand, executeCommand } from '../run.ts';

export interface EngineBridge {
  name: string;
  /** the host's address on it, with prefix, e.g. 172.30.26.1/24 */
  address: string;
}

export function planBridge(suite: string, index: number): EngineBridge {
  return { name: `guide-${suite}`.slice(0, 15), address: `172.30.${20 + index}.1/24` };
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
