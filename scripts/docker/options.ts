// The set-up's command line, parsed into a mode (a union, not scattered flags):
//   npm run docker:setup                         make engine and images right
//   npm run docker:setup -- --check              only report
//   ... --image redis=guide-test-x/redis:latest  use another name for one image (tests)
//   ... --no-pull                                never try a registry
//   ... --json                                   print the outcome as JSON on stdout
import { guideImages, type ImageKey, type ImageNames } from './config.ts';

export interface SetupOptions {
  mode: 'setup' | 'check';
  names: ImageNames;
  pull: boolean;
  json: boolean;
}

const keys = Object.keys(guideImages) as ImageKey[];

export function parseOptions(argv: readonly string[]): SetupOptions {
  const options: SetupOptions = { mode: 'setup', names: { ...guideImages }, pull: true, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--check') options.mode = 'check';
    else if (arg === '--no-pull') options.pull = false;
    else if (arg === '--json') options.json = true;
    else if (arg === '--image' || arg.startsWith('--image=')) {
      const value = arg === '--image' ? argv[++i] : arg.slice('--image='.length);
      const [key, ref] = splitImageOption(value);
      options.names[key] = ref;
    } else {
      throw new Error(`docker:setup: unknown option ${arg}\nOptions: --check, --no-pull, --json, --image <${keys.join('|')}>=<name:tag>`);
    }
  }
  return options;
}

function splitImageOption(value: string | undefined): [ImageKey, string] {
  const match = /^([a-z]+)=(\S+)$/.exec(value ?? '');
  const key = match?.[1] as ImageKey | undefined;
  if (!match || !key || !keys.includes(key)) {
    throw new Error(`docker:setup: --image takes <${keys.join('|')}>=<name:tag>, got ${JSON.stringify(value ?? '')}`);
  }
  return [key, withTag(match[2]!)];
}

/** `redis` -> `redis:latest`; a name with a tag or digest is kept. */
export function withTag(ref: string): string {
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1);
  return lastPart.includes(':') || lastPart.includes('@') ? ref : `${ref}:latest`;
}
