// The copy buttons of command blocks (site/lib/blocks/render-command.ts): shows them, copies
// each one's `data-copy` text exactly, and announces the result in the page's live region.
export {}; // a module: its names stay out of the page's globals

const FAILED = 'Copy failed: select the text and copy it by hand';
const status = document.getElementById('copy-status');
let timer: ReturnType<typeof setTimeout> | undefined;

function announce(message: string): void {
  if (!status) return;
  status.textContent = '';
  clearTimeout(timer);
  // a fresh text node after a tick, so a second "Copied" is announced again
  setTimeout(() => {
    status.textContent = message;
    timer = setTimeout(() => (status.textContent = ''), 4000);
  }, 50);
}

async function copy(button: HTMLButtonElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(button.dataset.copy ?? '');
    announce('Copied');
  } catch {
    announce(FAILED);
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', () => void copy(button));
}
