// A step's picture as data, derived from the pages' commands alone (pure): the containers running
// while the step runs (those its `needs` leave running, then its own `docker run`s), each link with
// its alias and the hosts-file line it writes, each network alias Docker's DNS answers for, the
// ports published on this machine and the commands of the page that use them. The SVG
// (render-svg.ts) and its text alternative (describe.ts) are both drawn from this, so neither can
// say what the commands do not.
import type { Page } from '../../../scripts/page/types.ts';
import { describeCommand, type Link, type PublishedPort, type RunCommand } from '../../../snippets/lib/docker-command.mjs';
import { describePage, findRunningBefore, type PageRef } from '../steps/before-you-start.ts';

/** The address a link's hosts-file line names: the linked container's, on the default bridge. */
export const LINK_ADDRESS = '172.17.0.x';

/** A container, or the one-off containers of one shape a page runs one command each in. */
export interface Box {
  key: string; // its name, or "image#n" for one with none
  title: string; // its name, or its image's last path part ("redis-node-docker-example")
  name?: string | undefined;
  image: string;
  from?: PageRef | undefined; // the needed page that started it; undefined: this page
  runs: string[]; // one-off containers: what each runs ("env", "ping -c 1 redis"); [] for one that keeps running
  listens: number[]; // the ports its image exposes
  published: PublishedPort[];
  links: Link[];
  hosts: string[]; // the lines its links write in its /etc/hosts: "172.17.0.x redis"
  network?: string | undefined;
  networkAliases: string[];
}

/** One container reaching another by a name: a link's alias, or a network alias Docker's DNS answers for. */
export interface Reach {
  from: string; // Box.key
  to: string;
  via: 'link' | 'dns';
  alias: string; // "redis"
  port?: number | undefined; // the port the target listens on, when it has one: "redis:6379"
  active: boolean; // part of this step's traffic
}

/** A port published on this machine: localhost:<host> goes to <to>:<container>. */
export interface Entry {
  host: number;
  container: number;
  to: string; // Box.key
  clients: string[]; // the page's commands that use it: "curl localhost:3000"
}

export interface Diagram {
  page: PageRef;
  boxes: Box[]; // top to bottom: whoever reaches another above it
  reaches: Reach[];
  entries: Entry[];
  traffic: string[][]; // this step's requests, hop by hop: ["curl localhost:3000", "localhost:3000", "redis-node-docker-example:3000", "redis:6379"]
}

/** Programs that reach a host, not one of its ports: their hop names no port. */
const HOST_ONLY = new Set(['ping']);

/** The ports an image exposes ("redis" -> [6379]), from the images' configuration. */
export type ExposedPorts = (image: string) => number[];

/** The picture of `page`, or undefined when no container runs while it does. */
export function planDiagram(page: Page, pages: readonly Page[], exposed: ExposedPorts = () => []): Diagram | undefined {
  const earlier = findRunningBefore(page, pages).flatMap((thing) => {
    const run = describeCommand(thing.command);
    return run.kind === 'run' ? [toBox(run, [], exposed, thing.from)] : [];
  });
  const own = page.commands.filter((command) => command.snippet !== undefined && command.snippet === page.frontmatter.snippet);
  const boxes = [...earlier, ...groupRuns(own.map((command) => describeCommand(command.text)), exposed)];
  if (boxes.length === 0) return undefined;
  keyUnnamed(boxes);
  const reaches = boxes.flatMap((box) => findReaches(box, boxes));
  const entries = boxes.flatMap((box) =>
    box.published.flatMap(({ host, container }) =>
      host === undefined ? [] : [{ host, container, to: box.key, clients: [...new Set(own.map((c) => c.text).filter((text) => usesPort(text, host)))] }],
    ),
  );
  const traffic = [...entries.flatMap((entry) => trafficIn(entry, reaches, boxes)), ...boxes.flatMap((box) => trafficOut(box, reaches))];
  return { page: describePage(page), boxes: orderBoxes(boxes, reaches), reaches, entries, traffic };
}

/** "redis:6379" (or "redis" for a program that names no port). */
export function describeHop(reach: Pick<Reach, 'alias' | 'port'>): string {
  return reach.port === undefined ? reach.alias : `${reach.alias}:${reach.port}`;
}

/** The page's requests through a published port, on through what that container reaches. */
function trafficIn(entry: Entry, reaches: Reach[], boxes: readonly Box[]): string[][] {
  if (entry.clients.length === 0) return [];
  const onward = reaches.filter((reach) => reach.from === entry.to);
  for (const reach of onward) reach.active = true;
  const start = [entry.clients.join(' or '), `localhost:${entry.host}`, `${boxes.find((box) => box.key === entry.to)?.title}:${entry.container}`];
  return onward.length === 0 ? [start] : onward.map((reach) => [...start, describeHop(reach)]);
}

/** A one-off container of this page whose command names an alias it reaches: "redis-cli -h redis" -> "redis:6379". */
function trafficOut(box: Box, reaches: Reach[]): string[][] {
  return box.runs.flatMap((run) => {
    const words = run.split(' ');
    return reaches
      .filter((reach) => reach.from === box.key && words.includes(reach.alias))
      .map((reach) => {
        reach.active = true;
        return [run, describeHop(HOST_ONLY.has(words[0] ?? '') ? { alias: reach.alias } : reach)];
      });
  });
}

/** "redis" -> "redis:latest" in the images' configuration; "6379/tcp" -> 6379. */
export function readExposedPorts(configs: Record<string, { config: { ExposedPorts: string[] } }>): ExposedPorts {
  return (image) => (configs[image.includes(':') ? image : `${image}:latest`]?.config.ExposedPorts ?? []).map((port) => Number.parseInt(port, 10));
}

/** The page's own runs: a named or detached one is a box; unnamed one-offs of one shape share one. */
function groupRuns(commands: ReturnType<typeof describeCommand>[], exposed: ExposedPorts): Box[] {
  const boxes: Box[] = [];
  const shapes = new Map<string, Box>();
  for (const run of commands) {
    if (run.kind !== 'run' || run.image === undefined) continue;
    if (run.name !== undefined || run.detached) {
      boxes.push(toBox(run, [], exposed, undefined));
      continue;
    }
    const shape = JSON.stringify([run.image, run.linked, run.network, run.networkAliases, run.published]);
    const box = shapes.get(shape) ?? { ...toBox(run, [], exposed, undefined), listens: [] }; // it runs a command, not the image's server
    if (!shapes.has(shape)) (shapes.set(shape, box), boxes.push(box));
    box.runs.push(run.args.join(' '));
  }
  // one-offs that all run one program are called by it ("redis-cli"), others by their image ("alpine")
  for (const box of shapes.values()) {
    const programs = new Set(box.runs.map((run) => run.split(' ')[0] ?? ''));
    if (programs.size === 1 && [...programs][0] !== '') box.title = [...programs][0]!;
  }
  return boxes;
}

function toBox(run: RunCommand, runs: string[], exposed: ExposedPorts, from: PageRef | undefined): Box {
  const image = run.image ?? '';
  return {
    key: run.name ?? image,
    title: run.name ?? image.split('/').pop()!.split(':')[0]!,
    name: run.name,
    image,
    from,
    runs,
    listens: exposed(image),
    published: run.published,
    links: run.linked,
    hosts: run.linked.map((link) => `${LINK_ADDRESS} ${link.alias}`),
    network: run.network,
    networkAliases: run.networkAliases,
  };
}

/** Unnamed boxes of one image get "image#2", "image#3" after the first. */
function keyUnnamed(boxes: Box[]): void {
  const seen = new Map<string, number>();
  for (const box of boxes.filter((b) => b.name === undefined)) {
    const count = (seen.get(box.key) ?? 0) + 1;
    seen.set(box.key, count);
    if (count > 1) box.key = `${box.key}#${count}`;
  }
}

function findReaches(box: Box, boxes: readonly Box[]): Reach[] {
  const portOf = (target: Box) => (target.listens.length === 1 ? target.listens[0] : undefined);
  const linked = box.links.flatMap((link) => {
    const target = boxes.find((other) => other.name === link.name);
    return target ? [{ from: box.key, to: target.key, via: 'link' as const, alias: link.alias, port: portOf(target), active: false }] : [];
  });
  const named = boxes
    .filter((other) => other !== box && box.network !== undefined && other.network === box.network && other.networkAliases.length > 0)
    .map((target) => ({ from: box.key, to: target.key, via: 'dns' as const, alias: target.networkAliases[0]!, port: portOf(target), active: false }));
  return [...linked, ...named];
}

/** Whoever reaches another comes above it (their longest chain first), otherwise in the order they start. */
function orderBoxes(boxes: Box[], reaches: readonly Reach[]): Box[] {
  const depth = (key: string, seen: Set<string> = new Set()): number =>
    seen.has(key) ? 0 : Math.max(0, ...reaches.filter((r) => r.from === key).map((r) => 1 + depth(r.to, new Set([...seen, key]))));
  return boxes.map((box, index) => ({ box, index, depth: depth(box.key) })).sort((a, b) => b.depth - a.depth || a.index - b.index).map(({ box }) => box);
}

/** `curl localhost:3000`, `curl http://127.0.0.1:3000/`: a command that asks this machine's port. */
function usesPort(text: string, port: number): boolean {
  return new RegExp(`\\b(localhost|127\\.0\\.0\\.1):${port}\\b`).test(text);
}
