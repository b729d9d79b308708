// The isolated engine's command line and configuration: the machine's dockerd in a network
// namespace of its own, on its own paths, with an engine ID of its own.
import { describe, expect, it } from 'vitest';
import { planPaths } from '../../../../scripts/docker/engines/daemon.ts';
import { buildIsolatedArgs, inNamespace, isolatedConfig, parseDockerdMajor } from '../../../../scripts/docker/engines/isolated.ts';

describe('the isolated engine', () => {
  it('runs dockerd with nsenter in namespace guide-<name>, on the paths of that name, docker0 and iptables as by default', () => {
    const argv = buildIsolatedArgs('isolated-1');
    const p = planPaths('isolated-1');
    expect(argv.slice(0, 3)).toEqual(['nsenter', '--net=/run/netns/guide-isolated-1', 'dockerd']);
    expect(argv).toEqual(expect.arrayContaining([`--data-root=${p.dataRoot}`, `--exec-root=${p.execRoot}`, `--pidfile=${p.pidFile}`, `--host=unix://${p.socket}`, '--containerd-namespace=guide-isolated-1']));
    expect(argv.some((a) => a.startsWith('--bridge') || a.startsWith('--iptables'))).toBe(false);
  });

  it('runs what talks to its ports in the same namespace', () => {
    expect(inNamespace('isolated-2', ['curl', 'localhost:3000'])).toEqual(['nsenter', '--net=/run/netns/guide-isolated-2', 'curl', 'localhost:3000']);
  });

  it('gets a key file of its own before Docker 23, so its ID is not the default engine\'s; none after', () => {
    expect(isolatedConfig(20, '/x/key.json')).toEqual({ 'deprecated-key-path': '/x/key.json' });
    expect(isolatedConfig(23, '/x/key.json')).toEqual({});
  });

  it('reads the major version from dockerd --version, and refuses a line without one', () => {
    expect(parseDockerdMajor('Docker version 20.10.24+dfsg1, build 5d6db84\n')).toBe(20);
    expect(parseDockerdMajor('Docker version 29.7.2, build abc')).toBe(29);
    expect(() => parseDockerdMajor('dockerd: command not found')).toThrow(/names no version/);
  });
});
