import { describe, expect, test } from 'vitest';
import { buildDaemonArgs, daemonPath, debianBinaries, findEngineShims, planPaths, staticBinaries } from '../../../../scripts/docker/engines/daemon.ts';
import { forwardRules, planBridge, planStaticBridge } from '../../../../scripts/docker/engines/network.ts';

describe('an extra engine on paths of its own', () => {
  const engine = debianBinaries({ suite: 'trixie', version: '26.1.5', debianVersion: '26.1.5+dfsg1-9', root: '/c/engines/trixie/root' });

  test('socket, pid file and exec root live under /run/guide-engines, data and log under .cache/engines', () => {
    const paths = planPaths('trixie');
    expect(paths.socket).toBe('/run/guide-engines/trixie.sock');
    expect(paths.pidFile).toBe('/run/guide-engines/trixie.pid');
    expect(paths.execRoot).toBe('/run/guide-engines/trixie');
    expect(paths.dataRoot).toMatch(/\/\.cache\/engines\/trixie\/data$/);
    expect(paths.logFile).toMatch(/\/\.cache\/engines\/trixie\/dockerd\.log$/);
  });

  test('its own bridge and containerd namespace, no iptables, no /etc/docker/daemon.json', () => {
    const args = buildDaemonArgs(engine, planBridge('trixie', 1));
    expect(args[0]).toBe('/c/engines/trixie/root/usr/sbin/dockerd');
    expect(args).toEqual(
      expect.arrayContaining([
        '--host=unix:///run/guide-engines/trixie.sock',
        '--bridge=guide-trixie',
        '--iptables=false',
        '--containerd-namespace=guide-trixie',
      ]),
    );
    expect(args.find((a) => a.startsWith('--config-file='))).toMatch(/\.cache\/engines\/trixie\/daemon\.json$/);
  });

  test('bridge names fit the 15-character limit and subnets stay off 172.17.0.0/16', () => {
    expect(planBridge('forky', 2)).toEqual({ name: 'guide-forky', address: '172.30.22.1/24' });
    expect(planBridge('a-very-long-suite-name', 3).name).toHaveLength(15);
  });

  test('containers talk on its default bridge and inside one network, not across; each rule names its engine', () => {
    const mine = ['-m', 'comment', '--comment', 'guide-trixie', '-j', 'ACCEPT'];
    expect(forwardRules(planBridge('trixie', 1))).toEqual([
      ['FORWARD', '-i', 'guide-trixie', '-o', 'guide-trixie', ...mine],
      ['FORWARD', '-i', 'br-+', '-m', 'physdev', '--physdev-is-bridged', ...mine],
    ]);
  });

  test('never --default-address-pool: with it dockerd deletes the link named docker0, the default engine\'s bridge', () => {
    expect(buildDaemonArgs(engine, planBridge('trixie', 1)).some((a) => a.startsWith('--default-address-pool'))).toBe(false);
  });

  test('Debian\'s docker.io: its own docker-proxy and docker-init first on PATH, then the machine\'s containerd and runc', () => {
    expect(daemonPath(engine, '/usr/sbin:/usr/bin')).toBe('/c/engines/trixie/root/usr/sbin:/c/engines/trixie/root/usr/bin:/usr/sbin:/usr/bin');
  });
});

describe('an engine from Docker\'s static binaries', () => {
  const engine = staticBinaries('29.7', '/c/engines/tgz-docker-29.7.2-0123456789abcdef/docker');

  test('its folder first on PATH, so dockerd runs its own containerd, runc, docker-proxy and docker-init', () => {
    expect(engine.dockerd).toBe('/c/engines/tgz-docker-29.7.2-0123456789abcdef/docker/dockerd');
    expect(daemonPath(engine, '/usr/sbin:/usr/bin')).toBe('/c/engines/tgz-docker-29.7.2-0123456789abcdef/docker:/usr/sbin:/usr/bin');
  });

  test('paths, containerd namespaces and bridge of its own, named by its version, apart from every Debian engine\'s', () => {
    const paths = planPaths(engine.name);
    expect(paths.socket).toBe('/run/guide-engines/static-29.7.sock');
    expect(paths.pidFile).toBe('/run/guide-engines/static-29.7.pid');
    expect(paths.dataRoot).toMatch(/\/\.cache\/engines\/static-29\.7\/data$/);
    const args = buildDaemonArgs(engine, planStaticBridge('29.7'));
    expect(args).toEqual(
      expect.arrayContaining([
        '--host=unix:///run/guide-engines/static-29.7.sock',
        '--bridge=guide-s29-7',
        '--iptables=false',
        '--containerd-namespace=guide-static-29.7',
        '--containerd-plugins-namespace=guide-static-29.7-plugins',
      ]),
    );
    for (const name of ['bookworm', 'trixie', 'forky']) expect(planPaths(name).socket).not.toBe(paths.socket);
  });
});

describe('findEngineShims', () => {
  test('takes only the shims of this engine (its namespace and its exec root), never another engine\'s', () => {
    const root = planPaths('trixie').execRoot;
    const ps = [
      `  3692 /usr/bin/containerd-shim-runc-v2 -namespace guide-trixie -id b55e -address ${root}/containerd/containerd.sock`,
      `  3700 /usr/bin/containerd-shim-runc-v2 -namespace moby -id c1 -address /run/containerd/containerd.sock`,
      `  3701 /usr/bin/containerd-shim-runc-v2 -namespace guide-forky -id c2 -address ${planPaths('forky').execRoot}/containerd/containerd.sock`,
      `  3702 /usr/bin/containerd -namespace guide-trixie -address ${root}/containerd/containerd.sock`,
      '  3703 vim notes -namespace guide-trixie',
    ].join('\n');
    expect(findEngineShims(ps, 'trixie')).toEqual([3692]);
  });
});
