// The official images' configuration as data (images/official-configs.json, each value with its
// source) and how a stand-in is compared with it (pure): from its recipe's Dockerfile, or from
// `docker image inspect` of the built image. Only what a reader can notice is compared: volumes,
// exposed ports, the names of the environment variables, entry point, command, working directory.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imagesDir } from './config.ts';

export interface ImageConfig {
  Volumes: string[];
  ExposedPorts: string[];
  Env: string[]; // names
  Entrypoint: string[] | null;
  Cmd: string[] | null;
  WorkingDir: string;
}

export interface OfficialImage {
  config: ImageConfig;
  from: Record<keyof ImageConfig, string>; // which source says so
  sources: Record<string, Record<string, string>>;
  notes?: string;
}

export const officialConfigsFile = path.join(imagesDir, 'official-configs.json');

/** images/official-configs.json, by image reference ("redis:latest"). */
export function readOfficialConfigs(file = officialConfigsFile): Record<string, OfficialImage> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { images: Record<string, OfficialImage> }).images;
}

/** The comparable part of `docker image inspect --format '{{json .Config}}'`. Pure. */
export function configOfInspect(config: {
  Volumes?: Record<string, unknown> | null;
  ExposedPorts?: Record<string, unknown> | null;
  Env?: string[] | null;
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  WorkingDir?: string | null;
}): ImageConfig {
  return {
    Volumes: Object.keys(config.Volumes ?? {}),
    ExposedPorts: Object.keys(config.ExposedPorts ?? {}),
    Env: (config.Env ?? []).map((entry) => entry.split('=')[0] ?? entry),
    Entrypoint: config.Entrypoint?.length ? config.Entrypoint : null,
    Cmd: config.Cmd?.length ? config.Cmd : null,
    WorkingDir: config.WorkingDir ?? '',
  };
}

/**
 * What a Dockerfile that starts `FROM scratch` puts in the image's config (the stand-ins' recipes
 * do): ENV names (PATH as Docker's builder adds it), VOLUME, EXPOSE, the last WORKDIR, ENTRYPOINT
 * and CMD in exec (JSON) form. Pure.
 */
export function configOfDockerfile(text: string): ImageConfig {
  const config: ImageConfig = { Volumes: [], ExposedPorts: [], Env: ['PATH'], Entrypoint: null, Cmd: null, WorkingDir: '' };
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match || line.trim().startsWith('#')) continue;
    const [instruction, args] = [match[1]!.toUpperCase(), match[2]!.trim()];
    if (instruction === 'ENV') config.Env.push(...envNames(args).filter((name) => !config.Env.includes(name)));
    if (instruction === 'VOLUME') config.Volumes.push(...words(args));
    if (instruction === 'EXPOSE') config.ExposedPorts.push(...args.split(/\s+/).map((port) => (port.includes('/') ? port : `${port}/tcp`)));
    if (instruction === 'WORKDIR') config.WorkingDir = args;
    if (instruction === 'ENTRYPOINT') [config.Entrypoint, config.Cmd] = [execForm(args), null]; // ENTRYPOINT resets CMD
    if (instruction === 'CMD') config.Cmd = execForm(args);
  }
  return config;
}

/** The fields where `actual` differs from `expected`, one line each; none when they match. Pure. */
export function compareConfigs(expected: ImageConfig, actual: ImageConfig): string[] {
  const sets: (keyof ImageConfig)[] = ['Volumes', 'ExposedPorts', 'Env'];
  const show = (value: unknown) => JSON.stringify(value);
  return (Object.keys(expected) as (keyof ImageConfig)[]).flatMap((field) => {
    const [want, have] = sets.includes(field)
      ? [[...(expected[field] as string[])].sort(), [...(actual[field] as string[])].sort()]
      : [expected[field], actual[field]];
    return show(want) === show(have) ? [] : [`${field}: expected ${show(expected[field])}, received ${show(actual[field])}`];
  });
}

/** `A=b C="d e"` or `A b c` -> ["A", "C"] / ["A"] */
function envNames(args: string): string[] {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) return [args.split(/\s+/)[0] ?? ''];
  return [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(?:"(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)].map((m) => m[1]!);
}

function words(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
}

function execForm(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : ['/bin/sh', '-c', args];
}
