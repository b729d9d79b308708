import { describe, expect, test } from 'vitest';
import { planBridge, overlappingRoutes } from '../../../../scripts/docker/engines/network.ts';
import { chooseEngine, engineSpecs, findSpec, isVersion } from '../../../../scripts/docker/engines/specs.ts';

describe('the engines and which one serves each version', () => {
  test('every version comes from a Debian suite; 20.10 from bookworm', () => {
    expect(engineSpecs).toEqual([
      { version: '20.10', suite: 'bookworm' },
      { version: '26.1', suite: 'trixie' },
      { version: '28.5', suite: 'forky' },
    ]);
    expect(findSpec('20.10')).toEqual({ version: '20.10', suite: 'bookworm' });
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
  const bridges = engineSpecs.map((spec, index) => planBridge(spec.suite, index));

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
