import { describe, expect, it } from 'vitest';
import { measure, medianFigures, readTimeLine } from '../../../scripts/doctest/bench-measure.ts';

describe('a timed run', () => {
  it('reads GNU time\'s line: wall, user + system, peak memory in MiB, exit status', () => {
    expect(readTimeLine('Command exited with non-zero status 1\nwall=7.90 user=0.77 sys=0.68 maxrss=25272 status=1\n')).toEqual({
      wallS: 7.9,
      cpuS: 0.77 + 0.68,
      peakMiB: 25272 / 1024,
      status: 1,
    });
    expect(() => readTimeLine('wall=1.0 user=0.1')).toThrow('/usr/bin/time wrote no sys= in "wall=1.0 user=0.1"');
  });

  it('takes the median of each figure on its own', () => {
    const runs = [
      { wallS: 3, cpuS: 1, peakMiB: 50 },
      { wallS: 1, cpuS: 3, peakMiB: 70 },
      { wallS: 2, cpuS: 2, peakMiB: 60 },
      { wallS: 10, cpuS: 0.5, peakMiB: 40 },
    ];
    expect(medianFigures(runs)).toEqual({ wallS: 2.5, cpuS: 1.5, peakMiB: 55 });
  });

  it('measures a real process and its children, and names a failing one with its output', () => {
    const figures = measure({ name: 'busy', argv: ['sh', '-c', 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done'] }, process.cwd());
    expect(figures.cpuS).toBeGreaterThan(0);
    expect(figures.wallS).toBeGreaterThanOrEqual(figures.cpuS * 0.5);
    expect(() => measure({ name: 'failing', argv: ['sh', '-c', 'echo why >&2; exit 3'] }, process.cwd())).toThrow(/failing \(sh -c .*\) exited 3\nwhy/);
    expect(measure({ name: 'allowed', argv: ['sh', '-c', 'exit 1'], okStatus: [1] }, process.cwd()).wallS).toBeGreaterThanOrEqual(0);
  });
});
