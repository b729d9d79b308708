// The shiki transformer that turns each fenced block of a page into its figure: `sh` blocks
// keep shiki's highlighting, `output` and `session` blocks are rebuilt from their text, with the
// values a verified run recorded for them where the record has some (examples.ts).
import type { Element } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { findCommandStarts } from './commands.ts';
import { createExampleLookup, type ExampleLookup } from './examples.ts';
import { readBlockOptions } from './options.ts';
import { renderCommandBlock } from './render-command.ts';
import { renderOutputBlock, renderSessionBlock } from './render-output.ts';

export const BLOCK_LANGS = ['sh', 'output', 'session'] as const;

/** For `markdown.shikiConfig.transformers`; other languages pass through untouched. `examples`: the site's record by default. */
export function createBlockTransformer(examples: ExampleLookup = createExampleLookup()): ShikiTransformer {
  return {
    name: 'guide-blocks',
    line(node, line) {
      if (this.options.lang !== 'sh') return;
      if (findCommandStarts(this.source)[line - 1]) this.addClassToHast(node, 'cmd-start');
    },
    root(root) {
      const lang = this.options.lang;
      const options = readBlockOptions(lang, this.options.meta?.__raw)
      const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
      const example = options.at && (lang === 'output' || lang === 'session') ? examples(options.at, this.source) : undefined;
      let block: Element | undefined;
      if (lang === 'sh' && pre) block = renderCommandBlock(pre, this.source, options);
      if (lang === 'output') block = renderOutputBlock(this.source, options, example);
      if (lang === 'session') block = renderSessionBlock(this.source, options, example);
      if (block) root.children = [block];
    },
  };
}
