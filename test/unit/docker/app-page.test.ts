// The example app's text (images/redis-node-docker-example/src/page.ts): the original page,
// including the space after "IP count:".
import { describe, expect, test } from 'vitest';
import { renderPage, renderUnavailable } from '../../../images/redis-node-docker-example/src/page.ts';

describe('the example app page', () => {
  test('is the original text, one indented line per address', () => {
    const page = renderPage({ build: '1', total: 3, ips: { '::ffff:172.17.0.1': '2', '::ffff:172.17.0.4': '1' } });
    expect(page).toBe(
      'This page was generated after talking to redis.\n\nApplication Build: 1\n\nTotal requests: 3\n\n' +
        'IP count: \n    ::ffff:172.17.0.1: 2\n    ::ffff:172.17.0.4: 1\n',
    );
  });

  test('the 503 text says what is unreachable, why, and that the app recovers by itself', () => {
    expect(renderUnavailable('redis:6379', 'connect ECONNREFUSED 172.17.0.2:6379')).toBe(
      'Redis is unreachable at redis:6379 (connect ECONNREFUSED 172.17.0.2:6379).\n' +
        'This request was not counted. The app keeps reconnecting and answers again as soon as Redis is back.\n',
    );
  });
});
