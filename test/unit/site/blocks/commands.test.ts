import { describe, expect, it } from 'vitest';
import { findCommandStarts, takeCopyText } from '../../../../site/lib/blocks/commands.ts';

describe('takeCopyText', () => {
  it('copies the commands exactly, continuations kept, without the trailing newline', () => {
    const source = 'docker run -d \\\n  --name redis-server redis\ndocker ps\n';
    expect(takeCopyText(source)).toBe('docker run -d \\\n  --name redis-server redis\ndocker ps');
  });

  it('keeps quotes and template braces untouched', () => {
    const source = "docker inspect --format '{{.Id}} {{range .HostConfig.Links}}{{.}} {{end}}'";
    expect(takeCopyText(source)).toBe(source);
  });

  it('turns Windows line ends into newlines', () => {
    expect(takeCopyText('a\r\nb\r\n')).toBe('a\nb');
  });
});

describe('findCommandStarts', () => {
  it('marks the first line of each command, not its continuations', () => {
    expect(findCommandStarts('docker run \\\n  redis\ndocker ps\n')).toEqual([true, false, true]);
  });
});
