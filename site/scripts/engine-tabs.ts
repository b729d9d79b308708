// The engine tabs of ranged blocks (site/lib/blocks/render-engine-group.ts) work by CSS alone;
// this makes one choice hold everywhere: picking a tab selects, in every other group, the tab
// whose range holds the picked tab's engine (`data-engine`, set at build time), and the choice
// is remembered for the next page. Without storage it still follows within the page. Which
// versions a tab holds comes written out at build time (`data-spans`, from the one range reader
// scripts/doctest/engine-range.ts), so no range is read here.
import { spansHold } from '../../scripts/doctest/engine-range.ts';

const KEY = 'guide:docker-engine';
const radios = [...document.querySelectorAll<HTMLInputElement>('input.engine-radio[data-docker]')];

function holds(radio: HTMLInputElement, engine: string): boolean {
  try {
    return spansHold(radio.dataset.spans ?? '', engine);
  } catch {
    return false; // a remembered engine that is no version: never selects anything
  }
}

/** In every group but `except`, checks the first tab that holds `engine`; a group with none keeps its tab. */
function follow(engine: string, except?: string): void {
  const done = new Set(except === undefined ? [] : [except]);
  for (const radio of radios) {
    if (done.has(radio.name) || !holds(radio, engine)) continue;
    radio.checked = true;
    done.add(radio.name);
  }
}

function remembered(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage blocked (privacy settings, a sandboxed frame)
  }
}

const saved = remembered();
if (saved) follow(saved);

document.addEventListener('change', (event) => {
  const radio = event.target;
  if (!(radio instanceof HTMLInputElement) || !radios.includes(radio)) return;
  const engine = radio.dataset.engine;
  if (!engine) return;
  // groups above may change height: keep the one the reader is using where it was
  const group = radio.closest('fieldset');
  const before = group?.getBoundingClientRect().top ?? 0;
  follow(engine, radio.name);
  const after = group?.getBoundingClientRect().top ?? 0;
  if (after !== before) window.scrollBy(0, after - before);
  try {
    localStorage.setItem(KEY, engine);
  } catch {
    // not remembered; this page still follows
  }
});
