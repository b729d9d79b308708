// Output and session blocks that scroll sideways at the reader's width are tab stops (a keyboard
// scrolls them with the arrow keys); the others are not. The build made a tab stop of each block
// with a line wider than a phone (site/lib/blocks/scroll.ts), so the page works without this; this
// keeps the tab stop only where the block does scroll, and follows the width (rotation, zoom, a
// tab of another engine shown).
export {}; // a module: its names stay out of the page's globals

const observer = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const pre = target as HTMLElement;
    if (pre.scrollWidth > pre.clientWidth) pre.tabIndex = 0;
    else pre.removeAttribute('tabindex');
  }
});
for (const pre of document.querySelectorAll('pre.block-text')) observer.observe(pre);
