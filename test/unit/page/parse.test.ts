import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../scripts/page/parse.ts';
import { formatPageError } from '../../../scripts/page/discover.ts';

const FM = '---\ntitle: T\ndescription: D\nsnippet: s1\nneeds: []\n---\n';
const fence = '```';

function errorsOf(body: string): string[] {
  return parsePage('content/x.mdx', FM + body).errors.map(formatPageError);
}

describe('parsePage: commands', () => {
  it('gives each command of a block its own line, id and the page snippet', () => {
    const { page, errors } = parsePage('content/x.mdx', `${FM}\n${fence}sh\nls\n\necho hi\n${fence}\n`);
    expect(errors).toEqual([]);
    expect(page.commands.map((c) => [c.id, c.at.line, c.text, c.snippet])).toEqual([
      ['content/x.mdx:8#1', 9, 'ls', 's1'],
      ['content/x.mdx:8#2', 11, 'echo hi', 's1'],
    ]);
  });

  it('keeps a continued command verbatim, located at its first line', () => {
    const { page } = parsePage('content/x.mdx', `${FM}${fence}sh\ndocker run \\\n  -d redis\necho ok\n${fence}\n`);
    expect(page.commands.map((c) => [c.at.line, c.text])).toEqual([
      [8, 'docker run \\\n  -d redis'],
      [10, 'echo ok'],
    ]);
  });

  it('reads quoted, unquoted and bare meta options', () => {
    const { page, errors } = parsePage(
      'content/x.mdx',
      `${FM}${fence}sh ready="docker exec r redis-cli ping" timeout=30 title='A b' snippet=cleanup\nls\n${fence}\n`,
    );
    expect(errors).toEqual([]);
    expect(page.commands[0]).toMatchObject({ ready: 'docker exec r redis-cli ping', timeout: 30, title: 'A b', snippet: 'cleanup', interactive: false });
  });

  it('reads the front matter', () => {
    const { page } = parsePage('content/step9.mdx', '---\ntitle: "Hi"\ndescription: D\nstep: 9\nsnippet: step9\nneeds: [step1, step3]\n---\n');
    expect(page.id).toBe('step9');
    expect(page.frontmatter).toEqual({ title: 'Hi', description: 'D', step: 9, snippet: 'step9', needs: ['step1', 'step3'] });
  });
});

describe('parsePage: outputs and sessions', () => {
  it('gives one output block per command, in order, with its options', () => {
    const text = `${FM}${fence}sh\na\nb\n${fence}\n\n${fence}output unordered subset\nA\n${fence}\n\n${fence}output exit=1\nB\n${fence}\n`;
    const { page, errors } = parsePage('content/x.mdx', text);
    expect(errors).toEqual([]);
    expect(page.commands.map((c) => c.outputs)).toEqual([
      [{ at: { file: 'content/x.mdx', line: 12 }, body: 'A', unordered: true, subset: true, exit: 0 }],
      [{ at: { file: 'content/x.mdx', line: 16 }, body: 'B', unordered: false, subset: false, exit: 1 }],
    ]);
  });

  it('gives consecutive docker="..." blocks to the same command', () => {
    const text = `${FM}${fence}sh\ncat /etc/hosts\n${fence}\n${fence}output docker="<28"\nold\n${fence}\n${fence}output docker=">=28"\nnew\n${fence}\n`;
    const { page, errors } = parsePage('content/x.mdx', text);
    expect(errors).toEqual([]);
    expect(page.commands[0]?.outputs.map((o) => [o.docker, o.body, o.at.line])).toEqual([
      ['<28', 'old', 10],
      ['>=28', 'new', 13],
    ]);
  });

  it('takes session inputs from the prompt lines', () => {
    const text = `${FM}${fence}sh interactive timeout=30\ndocker run -it redis redis-cli\n${fence}\n${fence}session prompt="r> "\nr> PING\nPONG\nr> exit\n${fence}\n`;
    const { page, errors } = parsePage('content/x.mdx', text);
    expect(errors).toEqual([]);
    expect(page.commands[0]?.sessions).toEqual([{
      at: { file: 'content/x.mdx', line: 10 },
      prompt: 'r> ',
      body: 'r> PING\nPONG\nr> exit',
      inputs: ['PING', 'exit'],
    }]);
  });

  it('gives consecutive docker="..." session blocks to the same interactive command, newest range first', () => {
    const session = (range: string, out: string) => `${fence}session prompt="r> " docker="${range}"\n${out}r> PING\nPONG\n${fence}\n`;
    const text = `${FM}${fence}sh interactive\ndocker run -it redis redis-cli\n${fence}\n${session('>=29.6', 'WARNING: links\n')}${session('<29.6', '')}`;
    const { page, errors } = parsePage('content/x.mdx', text);
    expect(errors).toEqual([]);
    expect(page.commands[0]?.sessions.map((s) => [s.docker, s.at.line, s.inputs])).toEqual([
      ['>=29.6', 10, ['PING']],
      ['<29.6', 15, ['PING']],
    ]);
  });

  it('an engine range whose session types other input is an error with file:line', () => {
    const text = `${FM}${fence}sh interactive\nredis-cli\n${fence}\n${fence}session prompt="r> " docker=">=29"\nr> PING\nPONG\n${fence}\n${fence}session prompt="r> " docker="<29"\nr> INFO\n${fence}\n`;
    expect(parsePage('content/x.mdx', text).errors.map((e) => `${e.at.file}:${e.at.line}: ${e.message}`)).toEqual([
      'content/x.mdx:14: the session block for docker="<29" types other input than the one at line 10; every engine\'s screen of one command has the same prompt and typed lines (only the output differs)',
    ]);
  });
});

describe('parsePage: errors name file:line and say what to write', () => {
  it('an output block with no command before it', () => {
    expect(errorsOf(`${fence}output\nx\n${fence}\n`)).toEqual([
      'content/x.mdx:7: the output block has no command before it; put it after the ```sh block whose output it shows',
    ]);
  });

  it('more output blocks than commands', () => {
    expect(errorsOf(`${fence}sh\na\n${fence}\n${fence}output\n1\n${fence}\n${fence}output\n2\n${fence}\n`)).toEqual([
      'content/x.mdx:13: the output block has no command left to belong to (the sh block before it has 1); put one output block per command, in order, right after its sh block',
    ]);
  });

  it('an unknown meta option', () => {
    expect(errorsOf(`${fence}sh retries=3\na\n${fence}\n`)).toEqual([
      'content/x.mdx:7: unknown sh block option `retries`; write one of: ready, timeout, interactive, snippet, title (docs/page-format.md)',
    ]);
  });

  it('a docker= range the range reader refuses, on an output or a session block, at its fence', () => {
    const text =
      `${fence}sh\nls\n${fence}\n${fence}output docker="^29"\nx\n${fence}\n${fence}output docker=">=30 <29"\ny\n${fence}\n` +
      `${fence}sh interactive\nredis-cli\n${fence}\n${fence}session prompt="r> " docker=""\nr> PING\n${fence}\n`;
    expect(errorsOf(text).map((e) => e.split(';')[0])).toEqual([
      'content/x.mdx:10: docker="^29" cannot be read: "^29" is not a comparator (>=, >, <=, <, = or none, then a version of up to three numbers)',
      'content/x.mdx:13: docker=">=30 <29" holds no version (from 30.0.0 below 29.0.0)',
      'content/x.mdx:19: docker="" is empty',
    ]);
  });

  it('an interactive command with no session', () => {
    expect(errorsOf(`${fence}sh interactive\ndocker run -it alpine sh\n${fence}\n`)).toEqual([
      'content/x.mdx:8: the interactive command has no session block; add a ```session prompt="..." block after it with what a person types and sees',
    ]);
  });

  it('a session with no interactive command', () => {
    expect(errorsOf(`${fence}sh\nls\n${fence}\n${fence}session prompt="$ "\n$ ls\n${fence}\n`)).toEqual([
      'content/x.mdx:10: the session block has no interactive command before it; mark its command block ```sh interactive',
    ]);
  });

  it('an unterminated fence', () => {
    expect(errorsOf(`text\n${fence}sh\nls\n`)).toEqual([
      'content/x.mdx:8: the ```sh block is never closed; add a line with ``` after its last line',
    ]);
  });

  it('a bad timeout and a continuation that never ends', () => {
    expect(errorsOf(`${fence}sh timeout=soon\nls \\\n${fence}\n`)).toEqual([
      'content/x.mdx:7: option `timeout=soon` is not a whole number; write e.g. timeout=60',
      'content/x.mdx:8: the command ends with \\ but the block ends there; remove the trailing \\ or add the next line',
      'content/x.mdx:7: the sh block has no command; write one command per line, or remove the block',
    ]);
  });

  it('a page without front matter', () => {
    expect(parsePage('content/y.mdx', '# hi\n').errors.map(formatPageError)).toEqual([
      'content/y.mdx:1: the page has no front matter; start it with ---, title: ..., description: ..., ---',
    ]);
  });
});
