import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIpcReporter } from '../../../../scripts/doctest/report/ipc.ts';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('createIpcReporter: report events to the parent that started the run', () => {
  it('is nothing without an IPC channel', () => {
    expect(createIpcReporter({ send: undefined, channel: undefined, connected: false })).toBeUndefined();
  });

  it('sends each event as a message, and the channel does not keep the child alive', async () => {
    const code = `import { createIpcReporter } from ${JSON.stringify(path.join(root, 'scripts/doctest/report/ipc.ts'))};
const report = createIpcReporter();
report({ kind: 'run-error', message: 'first' });
report({ kind: 'run-end', passed: 3, failed: 1, durationMs: 5 });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const messages: unknown[] = [];
    child.on('message', (m) => messages.push(m));
    const exit = await new Promise((resolve) => child.on('close', resolve));
    expect(exit).toBe(0);
    expect(messages).toEqual([
      { kind: 'run-error', message: 'first' },
      { kind: 'run-end', passed: 3, failed: 1, durationMs: 5 },
    ]);
  });
});
