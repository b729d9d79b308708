import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { readReadmeLines } from '../../../scripts/ci/readme-lines.ts';

const root = join(import.meta.dirname, '../../..');
const workflowDir = join(root, '.github/workflows');
const workflows = readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name));
const validator = join(root, 'node_modules/.bin/action-validator');

describe('readReadmeLines', () => {
  it('takes the two lines of the first shell block', () => {
    const text = '# T\n\n```sh\nnpm ci && npm start\nnpm ci && npm test\n```\n\n```sh\nother\n```\n';
    expect(readReadmeLines(text)).toEqual({ serve: 'npm ci && npm start', test: 'npm ci && npm test' });
  });

  it('names the line when the block does not hold exactly two commands', () => {
    expect(() => readReadmeLines('x\n```sh\nnpm test\n```\n')).toThrowErrorMatchingInlineSnapshot(
      `[Error: README.md:2: the first shell block has 1 command lines; it must have exactly two (serve, test)]`,
    );
  });
});

describe('CI calls the README test line', () => {
  const { test: testLine } = readReadmeLines(readFileSync(join(root, 'README.md'), 'utf8'));

  it('.ci/run runs it verbatim', () => {
    const script = readFileSync(join(root, '.ci/run'), 'utf8').split('\n');
    expect(script).toContain(testLine);
  });

  it('the GitHub workflow runs it verbatim, as root so extra engines can start', () => {
    const ci = readFileSync(join(workflowDir, 'ci.yml'), 'utf8').split('\n');
    const step = ci.findIndex((line) => line.trim() === "- name: Test (the README's test line)");
    const run = ci.slice(step + 1).find((line) => /^\s*run:/.test(line))?.trim();
    // single quotes around the line hold only if it has none of its own
    expect(testLine).not.toContain("'");
    expect(run).toBe(`run: sudo -E env "PATH=$PATH" bash -c '${testLine}'`);
  });

  it('the root step runs both commands of the line with the job\'s PATH (sudo and npm stubbed)', async () => {
    const ci = readFileSync(join(workflowDir, 'ci.yml'), 'utf8');
    const command = /^\s*run: (sudo .*)$/m.exec(ci)![1]!;
    const bin = mkdtempSync(join(tmpdir(), 'workflow-bin-'));
    const log = join(bin, 'npm.log');
    // sudo drops -E and runs the rest; npm records its arguments and the PATH it got
    writeFileSync(join(bin, 'sudo'), '#!/bin/sh\n[ "$1" = -E ] && shift\nexec "$@"\n', { mode: 0o755 });
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "npm $* $PATH" >> '${log}'\n`, { mode: 0o755 });
    const path = `${bin}:${process.env.PATH}`;
    try {
      // stdin from /dev/null: Debian's bash reads ~/.bashrc when stdin is a socket (as a pipe from
      // node is) and SHLVL < 2, and a ~/.bashrc that edits PATH would then change what npm gets
      const result = await execa('bash', ['-c', command], { env: { PATH: path }, stdin: 'ignore', reject: false });
      expect(result.exitCode).toBe(0);
      expect(readFileSync(log, 'utf8')).toBe(`npm ci ${path}\nnpm test ${path}\n`);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});

describe('workflow files validate against GitHub schema', () => {
  it('finds the workflows', () => {
    expect(workflows).toContain('ci.yml');
  });

  it.each(workflows)('%s is valid', async (name) => {
    const result = await execa(validator, [join(workflowDir, name)], { reject: false });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('rejects a workflow with a misspelt key (the check can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-'));
    const broken = join(dir, 'broken.yml');
    writeFileSync(broken, readFileSync(join(workflowDir, 'ci.yml'), 'utf8').replace('runs-on:', 'runs_on:'));
    const result = await execa(validator, [broken], { reject: false });
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('runs-on');
  });
});

describe('the engine jobs', () => {
  const ci = readFileSync(join(workflowDir, 'ci.yml'), 'utf8');

  it('one job per engine: every engine the matrix knows, and Docker 29 from its static tarball', async () => {
    const { engineSpecs } = await import('../../../scripts/docker/engines/specs.ts');
    const matrix = /^\s*engine: \[(.*)\]$/m.exec(ci)?.[1]?.split(',').map((v) => v.trim().replace(/'/g, ''));
    expect(matrix).toEqual([...engineSpecs.map((spec) => spec.version), '29']);
    expect(ci).toContain('echo "ENGINE_ARGS=--engine $(npm run --silent docker:static)"');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['docker:static']).toBe('node scripts/docker/engines/fetch-static.ts');
  });

  it('the Pages job publishes the record merged from those jobs and the committed one', () => {
    expect(ci).toMatch(/needs: \[test, engine\]/);
    expect(ci).toContain('pattern: record-*');
    expect(ci).toContain('node scripts/verify/merge.ts verification/record.json records/record-*/verification.json --out verification/record.json');
  });

  it("the Pages build names this repository and its default branch for the pages' edit links", () => {
    expect(ci).toContain('REPO_URL: ${{ github.server_url }}/${{ github.repository }}');
    expect(ci).toContain('REPO_BRANCH: ${{ github.event.repository.default_branch }}');
  });
});
