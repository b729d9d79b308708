// A bridge of its own for an extra engine, so it can run beside the default one: the default
// engine owns docker0, 172.17.0.0/16 and the iptables chains, so an extra engine runs with
// --iptables=false on its own bridge, and one FORWARD rule lets containers on that bridge
// talk to each other (br_netfilter sends bridged traffic through FORWARD, whose policy the
// default engine sets to DROP). Host-to-container and published ports need no rule.
import { runCommand, executeCommand } from '../run.ts';

export interface EngineBridge {
  name: string;
  /** the host's address on it, with prefix, e.g. 172.30.26.1/24 */
  address: string;
}

export function planBridge(suite: string, index: number): EngineBridge {
  return { name: `guide-${suite}`.slice(0, 15), address: `172.30.${20 + index}.1/24` };
}

const forwardRule = (bridge: EngineBridge): string[] => ['FORWARD', '-i', bridge.name, '-o', bridge.name, '-j', 'ACCEPT'];

export async function createBridge(bridge: EngineBridge): Promise<void> {
  const exists = (await runCommand(['ip', 'link', 'show', bridge.name])).code === 0;
  if (!exists) {
    await executeCommand(['ip', 'link', 'add', 'name', bridge.name, 'type', 'bridge']);
    await executeCommand(['ip', 'addr', 'add', bridge.address, 'dev', bridge.name]);
  }
  await executeCommand(['ip', 'link', 'set', bridge.name, 'up']);
  const present = (await runCommand(['iptables', '-C', ...forwardRule(bridge)])).code === 0;
  if (!present) await executeCommand(['iptables', '-I', ...forwardRule(bridge).slice(0, 1), '1', ...forwardRule(bridge).slice(1)]);
}

export async function removeBridge(bridge: EngineBridge): Promise<void> {
  await runCommand(['iptables', '-D', ...forwardRule(bridge)]);
  await runCommand(['ip', 'link', 'delete', bridge.name, 'type', 'bridge']);
}
