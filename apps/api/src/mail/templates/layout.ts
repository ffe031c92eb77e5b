import { type Block, type EmailContent, footerLines, serviceName } from './content';
import { escapeHtml, singleLine } from './escape';

/**
 * The HTML part. Email clients drop <style> blocks and external sheets and many ignore flexbox and
 * max-width on divs, so styles are inline and the shell is a pair of presentation tables (the inner one
 * capped at 600px). Every interpolated value goes through `escapeHtml` via `t()`.
 */
const font = 'font-family:Arial,Helvetica,sans-serif;';
const codeFont = "font-family:Consolas,Menlo,'Courier New',monospace;";
const colours = { text: '#0b0c0c', muted: '#505a5f', brand: '#1d3f6e', button: '#00703c', rule: '#b1b4b6' };

/** Escaped, single-line text: the only way a value enters the HTML. */
const t = (value: string): string => escapeHtml(singleLine(value));

function link(url: string, label: string, style: string): string {
  return `<a href="${escapeHtml(url)}" style="${style}">${t(label)}</a>`;
}

function renderBlock(block: Block): string {
  const p = `margin:0 0 16px;${font}font-size:16px;line-height:1.5;color:${colours.text};`;
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${p}">${t(block.text)}</p>`;
    case 'heading':
      return `<h2 style="margin:24px 0 8px;${font}font-size:18px;line-height:1.3;color:${colours.text};">${t(block.text)}</h2>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid ${colours.rule};${font}font-size:16px;line-height:1.5;color:${colours.text};">${t(block.text)}</blockquote>`;
    case 'details': {
      const cell = `padding:4px 16px 4px 0;${font}font-size:16px;line-height:1.4;vertical-align:top;`;
      const rows = block.rows.map((row) => {
        const value = row.code
          ? `<span style="${codeFont}font-size:17px;background:#f3f2f1;padding:2px 6px;">${t(row.value)}</span>`
          : t(row.value);
        return `<tr><th scope="row" style="${cell}text-align:left;font-weight:bold;">${t(row.label)}</th><td style="${cell}">${value}</td></tr>`;
      });
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;color:${colours.text};">${rows.join('')}</table>`;
    }
    case 'list': {
      const items = block.items
        .map(
          (item) =>
            `<li style="margin:0 0 8px;">${(typeof item === 'string' ? [item] : item).map(t).join('<br>')}</li>`,
        )
        .join('');
      const more = block.more ? `<p style="${p}">${t(block.more)}</p>` : '';
      return `<ul style="margin:0 0 16px;padding-left:24px;${font}font-size:16px;line-height:1.4;color:${colours.text};">${items}</ul>${more}`;
    }
    case 'action': {
      const button =
        `display:inline-block;padding:10px 18px;background:${colours.button};color:#ffffff;` +
        `${font}font-size:16px;font-weight:bold;text-decoration:none;border-radius:3px;`;
      const address = block.showAddress
        ? `<br><span style="display:inline-block;margin-top:8px;${font}font-size:14px;color:${colours.muted};word-break:break-all;">${t(block.url)}</span>`
        : '';
      return `<p style="margin:8px 0 20px;">${link(block.url, block.label, button)}${address}</p>`;
    }
  }
}

export function renderHtml(content: EmailContent): string {
  const footer = footerLines(content.footer)
    .map((line) => `<p style="margin:0 0 8px;">${t(line)}</p>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f2f1;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f2f1;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-collapse:collapse;">
<tr><td style="padding:16px 24px;background:${colours.brand};color:#ffffff;${font}font-size:18px;font-weight:bold;">${t(serviceName)}</td></tr>
<tr><td style="padding:24px 24px 8px;">
<p style="margin:0 0 16px;${font}font-size:16px;line-height:1.5;color:${colours.text};">${t(content.greeting)}</p>
${content.blocks.map(renderBlock).join('\n')}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid ${colours.rule};${font}font-size:14px;line-height:1.5;color:${colours.muted};">${footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
