import { type Block, type EmailContent, footerLines } from './content';
import { singleLine } from './escape';

/** Lines of at most this many characters where words allow it; mail clients wrap beyond that. */
const width = 78;

/**
 * Greedy word wrap. A word longer than the line (a URL) gets a line of its own rather than being split,
 * because a broken URL cannot be clicked or copied.
 */
export function wrap(text: string, firstPrefix = '', restPrefix = firstPrefix): string {
  const lines: string[] = [];
  let line = firstPrefix;
  let empty = true;
  for (const word of singleLine(text).split(' ')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = restPrefix;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return wrap(block.text);
    case 'heading': {
      const text = singleLine(block.text);
      return `${text}\n${'-'.repeat(text.length)}`;
    }
    case 'details': {
      const labelWidth = Math.max(...block.rows.map((row) => singleLine(row.label).length + 1));
      const indent = ' '.repeat(labelWidth + 4);
      return block.rows
        .map((row) => wrap(row.value, `  ${`${singleLine(row.label)}:`.padEnd(labelWidth)}  `, indent))
        .join('\n');
    }
    case 'quote':
      return wrap(block.text, '    ');
    case 'list': {
      const items = block.items.map((item) =>
        (typeof item === 'string' ? [item] : item)
          .map((line, i) => wrap(line, i ? '  ' : '- ', '  '))
          .join('\n'),
      );
      if (block.more) items.push(wrap(block.more));
      return items.join('\n');
    }
    case 'action':
      // The link on a line of its own, whole, so every client makes it clickable.
      return `${wrap(`${block.label}:`)}\n${block.url}`;
  }
}

export function renderText(content: EmailContent): string {
  const body = [wrap(content.greeting), ...content.blocks.map(renderBlock)].join('\n\n');
  // "-- " is the standard signature separator: clients grey out or fold what follows it.
  const footer = footerLines(content.footer)
    .map((line) => wrap(line))
    .join('\n\n');
  return `${body}\n\n-- \n${footer}\n`;
}
