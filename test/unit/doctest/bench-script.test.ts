import { describe, expect, it } from 'vitest';
import { renderBaseline } from '../../../scripts/doctest/bench-script.ts';
import { readPage } from './fixtures.ts';

describe('the benchmark baseline script', () => {
  const script = renderBaseline(['index', 'step1', 'step2', 'step3', 'step4'].map(readPage));
  it('runs each step command once, in page order, readiness as bounded polling, the errors provoked on purpose, cleanup last', () => {
    const commands = script.split('\n').filter((l) => l && !l.startsWith('#') && l !== 'set -euo pipefail');
    expect(commands).toEqual([
      'docker run -d --name redis-server redis',
      'until docker exec redis-server redis-cli ping >/dev/null 2>&1; do sleep 0.1; done',
      'docker exec redis-server redis-cli ping',
      'docker run --link redis-server:redis alpine env',
      'docker run --link redis-server:redis alpine cat /etc/hosts',
      'docker run --link redis-server:redis alpine ping -c 1 redis',
      'docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example',
      "until curl -fs 'http://localhost:3000' >/dev/null; do sleep 0.1; done",
      'curl localhost:3000',
      'curl localhost:3000',
      "printf 'PING\\nGET requests\\nHGETALL ip\\nexit\\n' | docker run -i --link redis-server:redis redis redis-cli -h redis",
      'docker run -d --name redis-server redis || [ $? -eq 125 ]',
      'DOCKER_HOST=unix:///tmp/no-engine.sock docker run -d --name redis-server redis || [ $? -eq 125 ]',
      'docker run --link no-such-container:redis alpine env || [ $? -eq 125 ]',
      'docker stop redis-server',
      'docker run --link redis-server:redis alpine env || [ $? -eq 125 ]',
      'docker start redis-server',
      'docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example || [ $? -eq 125 ]',
      'docker run --pull never katacoda/redis-node-docker-exampel || [ $? -eq 125 ]',
      'docker run -it --link redis-server:redis redis redis-cli -h redis < /dev/null || [ $? -eq 1 ]',
      'docker ps -aq \\',
      "  | xargs -r docker inspect --format '{{.Id}} {{.HostConfig.Links}}' \\",
      "  | grep '/redis-server:' \\",
      "  | cut -d' ' -f1 \\",
      '  | xargs -r docker rm -f -v',
      'docker rm -f -v redis-server',
    ]);
  });
});
