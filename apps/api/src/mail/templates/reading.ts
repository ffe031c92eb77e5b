import type { RenderedEmail } from './index';

/**
 * Test helpers that read a rendered email the way its recipient would: the text part as printed, the
 * HTML part as displayed (tags dropped, entities decoded), and the links each part offers.
 */
export const decode = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** What a reader of each part sees, with line wrapping undone so phrases can be searched. */
export const seen = {
  text: (email: RenderedEmail) => email.text.replace(/\s+/g, ' '),
  html: (email: RenderedEmail) => decode(email.html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' '),
};
export const hrefs = (email: RenderedEmail) =>
  [...email.html.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
export const textLinks = (email: RenderedEmail) =>
  email.text.split('\n').filter((line) => /^https?:\/\//.test(line));

export function expectBothToShow(email: RenderedEmail, ...phrases: string[]): void {
  for (const phrase of phrases) {
    expect(seen.text(email)).toContain(phrase);
    expect(seen.html(email)).toContain(phrase);
  }
}
