// Stage "parse": output and session blocks, read from their fences.
import type { Expectation, Location, PageError, Session } from './types.ts';
import type { Fence } from './fences.ts';
import { readInteger, readString, type Meta } from './meta.ts';
import { readRange } from '../doctest/engine-range.ts';
import { checkTokens } from '../doctest/tokens.ts';

/** An `output` block as an Expectation; an unknown token is an error at its line, a `docker=` range the runner cannot read one at the fence. */
export function readOutput(at: Location, fence: Fence, meta: Meta, errors: PageError[]): Expectation {
  errors.push(...checkTokens(at, fence.bodyLine, fence.lines));
  const expectation: Expectation = {
    at,
    body: fence.lines.join('\n'),
    unordered: meta.get('unordered') === true,
    subset: meta.get('subset') === true,
    exit: readInteger(meta, 'exit', 0, at, errors),
  };
  const docker = readDocker(meta, at, errors);
  if (docker !== undefined) expectation.docker = docker;
  return expectation;
}

/** A `session` block: the screen as written (tokens as in output blocks), and what is typed after each prompt. */
export function readSession(at: Location, fence: Fence, meta: Meta, errors: PageError[]): Session {
  const prompt = readString(meta, 'prompt', at, errors);
  if (prompt === undefined) {
    errors.push({ at, message: 'the session block has no prompt; write ```session prompt="redis:6379> "' });
  }
  const inputs = prompt ? fence.lines.filter((l) => l.startsWith(prompt)).map((l) => l.slice(prompt.length)) : [];
  if (prompt && inputs.length === 0) {
    errors.push({ at, message: `no line starts with the prompt "${prompt}"; write each typed line as ${prompt}<input>` });
  }
  errors.push(...checkTokens(at, fence.bodyLine, fence.lines));
  const session: Session = { at, prompt: prompt ?? '', body: fence.lines.join('\n'), inputs };
  const docker = readDocker(meta, at, errors);
  if (docker !== undefined) session.docker = docker;
  return session;
}

/** `docker=">=29.6 <30"`, read by the one range reader (scripts/doctest/engine-range.ts); what it refuses is an error at the fence. */
function readDocker(meta: Meta, at: Location, errors: PageError[]): string | undefined {
  const docker = readString(meta, 'docker', at, errors);
  if (docker === undefined) return undefined;
  const reading = readRange(docker);
  if (!reading.ok) errors.push({ at, message: reading.error });
  return docker;
}
