// The fault suite: the whole guide, and a page with a named volume and two redis containers on
// it, interrupted at many points — Ctrl-C (SIGINT to the run's process group) or SIGTERM at a
// random moment, one snippet process killed, the runner itself killed (then `--cleanup`), and a
// command outliving its deadline. After each, `docker ps -a`, `docker network ls`,
// `docker volume ls` and `docker image ls` must show exactly what they showed before. It prints
// how many interruptions it tried and how many left something behind (target: 0); the moments
// come from a seeded generator whose seed it prints (FAULTS_SEED=<n> replays them; FAULTS=<n>
// sets how many random interruptions per target).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeContent, runDoctest, startDoctest, withGuideLock } from './doctest/helpers.ts';

const seed = Number(process.env.FAULTS_SEED ?? Date.now() % 100_000);
const perTarget = Number(process.env.FAULTS ?? 2);

/** mulberry32: a small seeded generator, so a failing moment can be replayed. */
function generator(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);

const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
/** What the engine holds, by kind: what must be the same before and after every interrupted run. */
function snapshot(): Record<string, string[]> {
  return {
    containers: docker('ps', '-aq', '--no-trunc'),
    networks: docker('network', 'ls', '-q', '--no-trunc'),
    volumes: docker('volume', 'ls', '-q'),
    images: docker('image', 'ls', '-aq', '--no-trunc'),
  };
}
function leftBehind(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  return Object.keys(before).flatMap((kind) => {
    const added = after[kind]!.filter((x) => !before[kind]!.includes(x));
    const gone = before[kind]!.filter((x) => !after[kind]!.includes(x));
    return [...added.map((x) => `${kind} +${x.slice(0, 19)}`), ...gone.map((x) => `${kind} -${x.slice(0, 19)}`)];
  });
}

const volumePage = `---
title: Two servers on one volume
description: A named volume and two redis containers on it, one after the other.
step: 1
snippet: volume1
needs: []
---

\`\`\`sh
docker volume create guide-faults-data
\`\`\`

\`\`\`output
guide-faults-data
\`\`\`

\`\`\`sh ready="docker exec guide-faults-a redis-cli ping" timeout=60
docker run -d --name guide-faults-a -v guide-faults-data:/data redis
\`\`\`

\`\`\`output
[CONTAINER_ID]
\`\`\`

\`\`\`sh
docker rm -f -v guide-faults-a
\`\`\`

\`\`\`output
guide-faults-a
\`\`\`

\`\`\`sh ready="docker exec guide-faults-b redis-cli ping" timeout=60
docker run -d --name guide-faults-b -v guide-faults-data:/data redis
\`\`\`

\`\`\`output
[CONTAINER_ID]
\`\`\`
`;

type Fault = { kind: 'SIGINT' | 'SIGTERM' | 'snippet-killed' | 'runner-killed'; atMs: number } | { kind: 'deadline'; atMs: 0 };
interface Trial {
  target: string;
  fault: Fault;
  left: string[];
  exitCode: number | null;
  hit: boolean; // the fault came while the run ran (not after it had ended)
}

/** The snippet processes (`node … snippets/….mjs` or a generated one) under the runner. */
function snippetPids(runnerPid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const rows = out.split('\n').map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)).filter((m): m is RegExpExecArray => m !== null);
  const children = (pid: number): number[] => rows.filter((r) => Number(r[2]) === pid).flatMap((r) => [Number(r[1]), ...children(Number(r[1]))]);
  return children(runnerPid).filter((pid) => rows.some((r) => Number(r[1]) === pid && /\.mjs\b/.test(r[3]!) && !/scripts\/doctest\/main\.ts/.test(r[3]!)));
}

async function interrupt(args: string[], fault: Fault): Promise<{ exitCode: number | null; hit: boolean }> {
  const run = startDoctest(args);
  if (fault.kind === 'deadline') return { ...(await run.done), hit: true };
  let exited = false;
  void run.done.then(() => (exited = true));
  await new Promise((resolve) => setTimeout(resolve, fault.atMs));
  const hit = !exited;
  if (!exited) {
    if (fault.kind === 'SIGINT') process.kill(-run.child.pid!, 'SIGINT'); // Ctrl-C: the whole foreground group
    if (fault.kind === 'SIGTERM') process.kill(run.child.pid!, 'SIGTERM');
    if (fault.kind === 'runner-killed') process.kill(-run.child.pid!, 'SIGKILL'); // no clean-up at all
    if (fault.kind === 'snippet-killed') {
      const [pid] = snippetPids(run.child.pid!);
      if (pid) process.kill(pid, 'SIGKILL');
    }
  }
  const ended = await run.done;
  if (fault.kind === 'runner-killed') {
    const cleanup = await runDoctest(['--cleanup']); // the one command the guide names for this
    if (cleanup.exitCode !== 0) throw new Error(`--cleanup after a killed runner failed:\n${cleanup.output}`);
  }
  return { exitCode: ended.exitCode, hit };
}

describe('the fault suite', () => {
  it(`interrupts the guide and a volume page at many points; nothing is left behind (seed ${seed})`, async () => {
    const guide = makeContent(['index.mdx', 'step1.mdx', 'step2.mdx', 'step3.mdx', 'step4.mdx', 'networks.mdx']);
    const volumes = makeContent([], { 'volume1.mdx': volumePage });
    const deadlinePage = makeContent([], {
      'hang.mdx': volumePage.replace('snippet: volume1', 'snippet: hang1').concat('\n```sh timeout=2\ndocker run --name guide-faults-hang -v guide-faults-data:/data alpine sleep 30\n```\n'),
    });
    const targets = [
      { name: 'the guide', args: ['--content', guide], spanMs: 5500 },
      { name: 'the volume page', args: ['--content', volumes], spanMs: 1200 },
    ];
    const kinds = ['SIGINT', 'SIGTERM', 'snippet-killed', 'runner-killed'] as const;
    const trials: Trial[] = [];
    await withGuideLock(async () => {
      for (const target of targets) {
        for (let i = 0; i < perTarget * kinds.length; i += 1) {
          const fault: Fault = { kind: kinds[i % kinds.length]!, atMs: Math.round(200 + random() * target.spanMs) };
          const before = snapshot();
          const { exitCode, hit } = await interrupt(target.args, fault);
          trials.push({ target: target.name, fault, exitCode, hit, left: leftBehind(before, snapshot()) });
        }
      }
      const before = snapshot();
      const { exitCode, hit } = await interrupt(['--content', deadlinePage], { kind: 'deadline', atMs: 0 });
      trials.push({ target: 'a command past its deadline', fault: { kind: 'deadline', atMs: 0 }, exitCode, hit, left: leftBehind(before, snapshot()) });
    });
    const failed = trials.filter((t) => t.left.length > 0);
    console.log(
      [
        `fault suite (seed ${seed}): ${trials.length} interruptions tried, ${trials.filter((t) => t.hit).length} of them during the run, ` +
          `${failed.length} left something behind`,
        ...trials.map((t) => {
          const what = `${t.target}: ${t.fault.kind}${t.fault.kind === 'deadline' ? '' : ` at ${t.fault.atMs}ms`}${t.hit ? '' : ' (after the run had ended)'}`;
          return `  ${t.left.length === 0 ? 'clean' : 'LEFT '}  ${what}, exit ${t.exitCode}${t.left.length ? `: ${t.left.join(', ')}` : ''}`;
        }),
      ].join('\n'),
    );
    expect(failed.map((t) => `${t.target} ${t.fault.kind} at ${t.fault.atMs}ms: ${t.left.join(', ')}`)).toEqual([]);
    expect(trials.find((t) => t.target === 'a command past its deadline')?.exitCode).toBe(1);
    expect(trials.filter((t) => t.hit).length).toBeGreaterThan(trials.length / 2); // most faults landed during a run
  }, 900_000);
});
