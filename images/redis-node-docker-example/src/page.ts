// The text the app answers with: the original katacoda/redis-node-docker page, word for word
// (including the space after "IP count:"), and the 503 text shown while Redis is away.

export interface Counts {
  build: string;
  total: number;
  /** requests per client address, in the order Redis returned them */
  ips: Record<string, string>;
}

export function renderPage(counts: Counts): string {
  const lines = Object.entries(counts.ips).map(([ip, n]) => `    ${ip}: ${n}\n`);
  return (
    'This page was generated after talking to redis.\n\n' +
    `Application Build: ${counts.build}\n\n` +
    `Total requests: ${counts.total}\n\n` +
    'IP count: \n' +
    lines.join('')
  );
}

export function renderUnavailable(redisAddress: string, reason: string): string {
  return (
    `Redis is unreachable at ${redisAddress} (${reason}).\n` +
    'This request was not counted. The app keeps reconnecting and answers again as soon as Redis is back.\n'
  );
}
