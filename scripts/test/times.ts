// The per-suite time table `npm test` prints at its end: from each vitest stage's JSON report
// (reports/vitest-<stage>.json), the time of every test file, its project (unit, docker,
// browser) from its folder, each project's total and its slowest files. Pure: reports in, text out.
import path from 'node:path';

/** The part of vitest's JSON report this reads. */
export interface VitestReport {
  testResults: { name: string; startTime: number; endTime: number; status: string; assertionResults: unknown[] }[];
}

export interface FileTime {
  project: string; // "docker"
  file: string; // "test/docker/faults.test.ts"
  tests: number;
  seconds: number;
}

/** Each file of the report with its project (test/<project>/...) and time. */
export function readFileTimes(report: VitestReport, root: string): FileTime[] {
  return report.testResults.map((result) => {
    const file = path.relative(root, result.name);
    return { project: file.split(path.sep)[1] ?? 'other', file, tests: result.assertionResults.length, seconds: Math.max(0, (result.endTime - result.startTime) / 1000) };
  });
}

/** Per project: its files' total, then its `slowest` files, each with its share of the total. */
export function formatTimeTable(files: FileTime[], slowest = 5): string {
  const projects = [...new Set(files.map((f) => f.project))];
  const width = Math.max(...files.map((f) => f.file.length), 10);
  const lines: string[] = [];
  for (const project of projects) {
    const own = files.filter((f) => f.project === project).sort((a, b) => b.seconds - a.seconds);
    const total = own.reduce((sum, f) => sum + f.seconds, 0);
    const tests = own.reduce((sum, f) => sum + f.tests, 0);
    lines.push(`   ${project.padEnd(width)}  ${total.toFixed(1).padStart(6)}s  ${String(own.length).padStart(3)} files ${String(tests).padStart(5)} tests`);
    for (const f of own.slice(0, slowest)) {
      const share = total > 0 ? Math.round((f.seconds / total) * 100) : 0;
      lines.push(`     ${f.file.padEnd(width - 2)}  ${f.seconds.toFixed(1).padStart(6)}s  ${`${share}%`.padStart(4)}  ${String(f.tests).padStart(4)} tests`);
    }
  }
  return lines.join('\n');
}
