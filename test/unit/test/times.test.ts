import { describe, expect, it } from 'vitest';
import { formatTimeTable, readFileTimes, type VitestReport } from '../../../scripts/test/times.ts';

const result = (name: string, seconds: number, tests: number) => ({ name, startTime: 1000, endTime: 1000 + seconds * 1000, status: 'passed', assertionResults: Array.from({ length: tests }) });
const report: VitestReport = {
  testResults: [
    result('/repo/test/unit/a.test.ts', 0.5, 3),
    result('/repo/test/docker/slow.test.ts', 60, 1),
    result('/repo/test/docker/fast.test.ts', 20, 4),
    result('/repo/test/docker/faster.test.ts', 10, 2),
  ],
};

describe('the per-suite time table of npm test', () => {
  it('reads each file with its project and time', () => {
    expect(readFileTimes(report, '/repo')).toEqual([
      { project: 'unit', file: 'test/unit/a.test.ts', tests: 3, seconds: 0.5 },
      { project: 'docker', file: 'test/docker/slow.test.ts', tests: 1, seconds: 60 },
      { project: 'docker', file: 'test/docker/fast.test.ts', tests: 4, seconds: 20 },
      { project: 'docker', file: 'test/docker/faster.test.ts', tests: 2, seconds: 10 },
    ]);
  });
  it('prints each project total, then its slowest files with their share', () => {
    expect(formatTimeTable(readFileTimes(report, '/repo'), 2)).toBe(
      [
        '   unit                           0.5s    1 files     3 tests',
        '     test/unit/a.test.ts          0.5s  100%     3 tests',
        '   docker                        90.0s    3 files     7 tests',
        '     test/docker/slow.test.ts    60.0s   67%     1 tests',
        '     test/docker/fast.test.ts    20.0s   22%     4 tests',
      ].join('\n'),
    );
  });
});
