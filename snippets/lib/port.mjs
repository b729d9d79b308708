// @ts-check
// Whether something listens on a host port (a container publishing it, or any process): a TCP
// connect to 127.0.0.1, bounded by a second. Shared by the snippets' and the doc-test's preflight.
import net from 'node:net';

/** @param {number} port @returns {Promise<boolean>} */
export function isListening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}
