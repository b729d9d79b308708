// `npm run docker:setup`: a Docker engine that answers and the guide's three images, made
// right and reported with timings. Only wires the stages; each lives in its own module.
import { runCheck } from './check.ts';
import { type ImageKey, type ImageNames } from './config.ts';
import { ensureEngine } from './engine.ts';
import { ensureImage, type ImageOutcome } from './ensure-image.ts';
import { parseOptions } from './options.ts';
import { recipes } from './recipes.ts';
import { formatEngineLine, formatImageLine, formatTotalLine } from './report.ts';

async function ensureImages(names: ImageNames, pull: boolean, print: (line: string) => void): Promise<ImageOutcome[]> {
  const keys = Object.keys(names) as ImageKey[];
  // in parallel: each waits mostly on the network or the engine
  return Promise.all(
    keys.map(async (key) => {
      const outcome = await ensureImage(names[key], recipes[key], { pull });
      print(formatImageLine(outcome));
      return outcome;
    }),
  );
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.mode === 'check') return runCheck(options.names, options.json);
  const started = Date.now();
  const print = options.json ? (line: string) => console.error(line) : (line: string) => console.log(line);
  const engine = await ensureEngine();
  print(formatEngineLine(engine, (Date.now() - started) / 1000));
  const images = await ensureImages(options.names, options.pull, print);
  const seconds = (Date.now() - started) / 1000;
  print(formatTotalLine(seconds, images));
  if (options.json) console.log(JSON.stringify({ engine, images, seconds }, null, 2));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`docker:setup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
