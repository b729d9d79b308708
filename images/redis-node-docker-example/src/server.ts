// The guide's example app: an HTTP server on port 3000 that counts every request in Redis
// (host `redis`, port 6379, the link alias) and answers with the counts as text/plain.
// 503 while Redis is unreachable; exits at once on SIGTERM/SIGINT; survives bad requests.
import http from 'node:http';
import { connectCounter } from './counter.ts';
import { renderPage, renderUnavailable } from './page.ts';

const port = Number(process.env.PORT ?? 3000);
const redis = { host: process.env.REDIS_HOST ?? 'redis', port: Number(process.env.REDIS_PORT_NUMBER ?? 6379) };
const build = process.env.APPLICATION_BUILD ?? '1';
const log = (line: string): void => console.log(`${new Date().toISOString()} ${line}`);

const counter = connectCounter(redis, log);

const server = http.createServer(async (req, res) => {
  const ip = req.socket.remoteAddress ?? 'unknown';
  try {
    const counts = await counter.record(ip);
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(renderPage({ build, ...counts }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (res.headersSent) return void res.destroy();
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' });
    res.end(renderUnavailable(`${redis.host}:${redis.port}`, reason));
  }
});

// a malformed request gets a 400 (when the socket can still take one) and never a crash
server.on('clientError', (_error, socket) => {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  else socket.destroy();
});

server.listen(port, () => log(`Listening on port ${port}`));

// As PID 1 in a container Node gets no default signal handling: stop on the first signal.
function shutdown(signal: NodeJS.Signals): void {
  log(`${signal}: shutting down`);
  server.close();
  server.closeAllConnections();
  counter.close();
  setImmediate(() => process.exit(0));
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
