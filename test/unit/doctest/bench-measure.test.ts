import { describe, expect, it } from 'vitest';
import { busyShare, measure, medianFigures, readCpuTicks, readTimeLine } from '../../../scripts/doctest/bench-measure.ts';

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
      { wallS: 3, cpuS: 1, peakMiB: 50, busy: 0.5 },
      { wallS: 1, cpuS: 3, peakMiB: 70, busy: 0.75 },
      { wallS: 2, cpuS: 2, peakMiB: 60, busy: 1 },
      { wallS: 10, cpuS: 0.5, peakMiB: 40, busy: 0.25 },
    ];
    expect(medianFigures(runs)).toEqual({ wallS: 2.5, cpuS: 1.5, peakMiB: 55, busy: 0.625 });
  });

  it("reads the machine's busy and total ticks from /proc/stat, and the busy share between two readings", () => {
    const before = readCpuTicks('cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 50 2 25 400 10 1 1 0 0 0\n');
    expect(before).toEqual({ busy: 160, total: 980 });
    const after = readCpuTicks('cpu  250 5 100 900 20 3 2 0 0 0\n');
    expect(busyShare(before, after)).toBeCloseTo(200 / 300);
    expect(() => readCpuTicks('intr 1 2 3')).toThrow('/proc/stat: no cpu line');
  });

  it('measures a real process and its children, and names a failing one with its output', () => {
    const figures = measure({ name: 'busy', argv: ['sh', '-c', 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done'] }, process.cwd());
    expect(figures.cpuS).toBeGreaterThan(0);
    expect(figures.wallS).toBeGreaterThanOrEqual(figures.cpuS * 0.5);
    expect(figures.busy).toBeGreaterThan(0); // the busy loop itself kept a core busy
    expect(figures.busy).toBeLessThanOrEqual(1);
    expect(() => measure({ name: 'failing', argv: ['sh', '-c', 'echo why >&2; exit 3'] }, process.cwd())).toThrow(/failing \(sh -c .*\) exited 3\nwhy/);
    expect(measure({ name: 'allowed', argv: ['sh', '-c', 'exit 1'], okStatus: [1] }, process.cwd()).wallS).toBeGreaterThanOrEqual(0);
  });
});
