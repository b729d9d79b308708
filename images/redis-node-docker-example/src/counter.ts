// Counting in Redis: INCR `requests` and HINCRBY `ip` <address> in one MULTI, then read the
// per-address counts. Commands fail at once while Redis is unreachable (no offline queue),
// and the client reconnects in the background until Redis answers again.
import { createClient } from 'redis';

export interface RedisTarget {
  host: string;
  port: number;
}

export interface Counter {
  /** counts one request from `ip`; rejects quickly when Redis is unreachable */
  record(ip: string): Promise<{ total: number; ips: Record<string, string> }>;
  isReady(): boolean;
  close(): void;
}

export function connectCounter(target: RedisTarget, log: (line: string) => void, timeoutMs = 2000): Counter {
  const client = createClient({
    socket: {
      host: target.host,
      port: target.port,
      connectTimeout: 2000,
      // retry forever, at most a second apart: the app recovers by itself
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 1000),
    },
    disableOfflineQueue: true,
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    const text = `${error.name}: ${error.message}`;
    if (text !== lastError) log(`redis ${target.host}:${target.port}: ${text}`);
    lastError = text;
  });
  client.on('ready', () => {
    lastError = '';
    log(`redis ${target.host}:${target.port}: connected`);
  });
  client.connect().catch((error: unknown) => log(`redis: stopped connecting: ${String(error)}`));

  const record = async (ip: string) => {
    const replies = client.multi().incr('requests').hIncrBy('ip', ip, 1).hGetAll('ip').exec();
    const [total, , ips] = (await withTimeout(replies, timeoutMs)) as unknown as [number, number, Record<string, string>];
    return { total: Number(total), ips: { ...ips } };
  };
  return {
    record,
    isReady: () => client.isReady,
    close: () => client.destroy(),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
