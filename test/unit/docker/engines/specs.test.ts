import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { planBridge, planEngineBridge, planStaticBridge, overlappingRoutes } from '../../../../scripts/docker/engines/network.ts';
import {
  chooseEngine,
  describeSource,
  engineName,
  engineSpecs,
  findSpec,
  isVersion,
  parseEngineArgument,
  withGivenEngines,
  type EngineSpec,
} from '../../../../scripts/docker/engines/specs.ts';

const debian = (version: string, suite: string): EngineSpec => ({ version, source: { kind: 'debian', suite } });
const fromPath = (version: string, where: string): EngineSpec => ({ version, source: { kind: 'static', path: where } });

describe('the engines and which one serves each version', () => {
  test('every version comes from a Debian suite; 20.10 from bookworm', () => {
    expect(engineSpecs).toEqual([debian('20.10', 'bookworm'), debian('26.1', 'trixie'), debian('28.5', 'forky')]);
    expect(findSpec('20.10')).toEqual(debian('20.10', 'bookworm'));
    expect(() => findSpec('19.03')).toThrow('no engine 19.03; known: 20.10, 26.1, 28.5');
  });

  test('a server version is a version when it is that major.minor, not a longer number', () => {
    expect(isVersion('20.10.24+dfsg1', '20.10')).toBe(true);
    expect(isVersion('20.10', '20.10')).toBe(true);
    expect(isVersion('20.100.1', '20.10')).toBe(false);
    expect(isVersion('28.5.2', '28.5')).toBe(true);
    expect(isVersion('29.1.3', '28.5')).toBe(false);
  });

  test('a Debian 12 machine: the default engine serves 20.10, the others start beside it', () => {
    const debian12 = '20.10.24+dfsg1';
    expect(chooseEngine(findSpec('20.10'), debian12)).toBe('default');
    expect(chooseEngine(findSpec('26.1'), debian12)).toBe('extra');
    expect(chooseEngine(findSpec('28.5'), debian12)).toBe('extra');
  });

  test('a hosted runner with a current Docker: every version, 20.10 too, starts beside it', () => {
    for (const runner of ['28.0.4', '29.1.3']) {
      expect(engineSpecs.map((spec) => chooseEngine(spec, runner))).toEqual(['extra', 'extra', 'extra']);
    }
    expect(chooseEngine(findSpec('28.5'), '28.5.1')).toBe('default');
  });

  test('{ extra: true } starts the suite\'s engine even when the default engine is that version', () => {
    expect(chooseEngine(findSpec('20.10'), '20.10.24+dfsg1', { extra: true })).toBe('extra');
  });

  test('no default engine: an error saying to run the set-up (extra engines take their images from it)', () => {
    expect(() => chooseEngine(findSpec('26.1'), undefined)).toThrow(/no default Docker engine answers.*\n?.*npm run docker:setup/);
  });
});

describe('each engine\'s bridge collides with nothing', () => {
  const bridges = engineSpecs.map((spec) => planEngineBridge(spec));

  test('bookworm, trixie, forky: own names within 15 characters, own /24s in 172.30.0.0/16', () => {
    expect(bridges).toEqual([
      { name: 'guide-bookworm', address: '172.30.20.1/24' },
      { name: 'guide-trixie', address: '172.30.21.1/24' },
      { name: 'guide-forky', address: '172.30.22.1/24' },
    ]);
  });

  test('off docker0 (172.17.0.0/16) and off one another', () => {
    const docker0 = { dst: '172.17.0.0/16', dev: 'docker0' };
    for (const bridge of bridges) {
      const others = bridges.filter((b) => b !== bridge).map((b) => ({ dst: b.address, dev: b.name }));
      expect(overlappingRoutes([docker0, ...others], bridge)).toEqual([]);
    }
  });

  test('a route overlapping the subnet is found; the default route, IPv6 and the bridge\'s own route are not', () => {
    const routes = [
      { dst: 'default', dev: 'eth0' },
      { dst: 'fd00::/64', dev: 'eth0' },
      { dst: '172.30.20.0/24', dev: 'guide-bookworm' },
      { dst: '172.30.0.0/16', dev: 'br-0123456789ab' },
      { dst: '172.30.20.7', dev: 'tun0' },
      { dst: '172.30.21.0/24', dev: 'guide-trixie' },
    ];
    expect(overlappingRoutes(routes, bridges[0]!)).toEqual([
      { dst: '172.30.0.0/16', dev: 'br-0123456789ab' },
      { dst: '172.30.20.7', dev: 'tun0' },
    ]);
  });
});

describe('--engine <version>=<path>: an engine from Docker\'s static binaries', () => {
  test('a version and a path, resolved against the working folder', () => {
    expect(parseEngineArgument('29.7=./docker-29.7.2.tgz', '/home/me/guide')).toEqual(fromPath('29.7', '/home/me/guide/docker-29.7.2.tgz'));
    expect(parseEngineArgument('28.5=/opt/docker', '/x')).toEqual(fromPath('28.5', '/opt/docker'));
    expect(parseEngineArgument('29.10=a=b', '/x')).toEqual(fromPath('29.10', '/x/a=b')); // the first "=" splits
    expect(parseEngineArgument('28.5=d').source).toEqual({ kind: 'static', path: path.resolve('d') });
  });

  test('a bad value is named, with what to write instead', () => {
    expect(() => parseEngineArgument('./docker-29.7.2.tgz')).toThrow(/^--engine \.\/docker-29\.7\.2\.tgz: no "=".*Write --engine 29\.7=\.\/docker-29\.7\.2\.tgz/);
    expect(() => parseEngineArgument('29.7.2=./d.tgz')).toThrow(/^--engine 29\.7\.2=\.\/d\.tgz: "29\.7\.2" is not a major\.minor version such as 29\.7\. Write --engine 29\.7=/);
    expect(() => parseEngineArgument('v29=./d.tgz')).toThrow(/"v29" is not a major\.minor version/);
    expect(() => parseEngineArgument('29.7=')).toThrow(/^--engine 29\.7=: no path after "="\. Write --engine 29\.7=\.\/docker-29\.7\.2\.tgz/);
  });

  test('given engines replace a known version in place, others come after; a version given twice is an error', () => {
    const folder = fromPath('28.5', '/f');
    const tgz = fromPath('29.7', '/d.tgz');
    expect(withGivenEngines(engineSpecs, [folder])).toEqual([debian('20.10', 'bookworm'), debian('26.1', 'trixie'), folder]);
    expect(withGivenEngines(engineSpecs, [tgz, folder])).toEqual([debian('20.10', 'bookworm'), debian('26.1', 'trixie'), folder, tgz]);
    expect(withGivenEngines([], [tgz, folder])).toEqual([tgz, folder]);
    expect(() => withGivenEngines([], [tgz, fromPath('29.7', '/e')])).toThrow(/^--engine 29\.7 is given twice \(\/d\.tgz and \/e\)/);
  });

  test('never served by the default engine, even of the same version: it was asked for by path', () => {
    expect(chooseEngine(fromPath('20.10', '/f'), '20.10.24+dfsg1')).toBe('extra');
    expect(chooseEngine(fromPath('29.7', '/f'), '29.7.2')).toBe('extra');
  });

  test('its own name, and a description naming the path', () => {
    expect(engineName(fromPath('29.7', '/f'))).toBe('static-29.7');
    expect(engineName(findSpec('26.1'))).toBe('trixie');
    expect(describeSource(fromPath('29.7', '/d.tgz').source)).toBe("Docker's static binaries from /d.tgz");
    expect(describeSource(findSpec('28.5').source)).toBe('docker.io from Debian forky');
  });

  test('its bridge: guide-s<major>-<minor> on a /24 of 172.30.40-239, never a Debian engine\'s, one per version', () => {
    expect(planStaticBridge('29.7')).toEqual({ name: 'guide-s29-7', address: '172.30.227.1/24' });
    expect(planStaticBridge('28.5')).toEqual({ name: 'guide-s28-5', address: '172.30.205.1/24' });
    expect(planEngineBridge(fromPath('28.5', '/f'))).toEqual(planStaticBridge('28.5'));
    const debianBridges = engineSpecs.map((spec) => planEngineBridge(spec));
    expect(engineSpecs.length).toBeLessThanOrEqual(20); // Debian's subnets stay below 172.30.40
    const seen = new Set<string>();
    for (let major = 20; major < 30; major += 1) {
      for (let minor = 0; minor < 20; minor += 1) {
        const bridge = planStaticBridge(`${major}.${minor}`);
        expect(bridge.name.length).toBeLessThanOrEqual(15);
        expect(overlappingRoutes([...debianBridges, { name: 'docker0', address: '172.17.0.1/16' }].map((b) => ({ dst: b.address, dev: b.name })), bridge)).toEqual([]);
        seen.add(bridge.address);
      }
    }
    expect(seen.size).toBe(200); // 20.0 to 29.19: no two versions share a subnet
  });
});
