import { escapeHtml } from './escape';
import {
  type RenderedEmail,
  renderEmail,
  renderSubject,
  type TemplateData,
  type TemplateName,
  templateNames,
} from './index';
import { expectBothToShow, hrefs, seen, textLinks } from './reading';
import { samples } from './samples';

const context = { publicUrl: 'https://lar.example.org' };
const base = `${context.publicUrl}/`;

function render<T extends TemplateName>(name: T, changes: Partial<TemplateData[T]> = {}): RenderedEmail {
  return renderEmail(name, { ...samples[name], ...changes } as TemplateData[T], context);
}

/** Every free-text value that comes from a person rather than from LAR itself. */
const userText: Record<TemplateName, string[]> = {
  'account-approved': ['recipientName', 'organisationName'],
  'learner-welcome': ['givenName', 'centreName'],
  'import-report': ['recipientName', 'centreName', 'fileName'],
  'possible-claims-digest': ['recipientName', 'centreName'],
  'claim-decision': ['recipientName', 'centreName', 'learnerName', 'awardingOrganisationName', 'reason'],
  'claim-update': [
    'recipientName',
    'centreName',
    'learnerName',
    'awardingOrganisationName',
    'qualificationTitle',
  ],
  'permission-granted': ['recipientName', 'organisationName', 'learnerName'],
  'record-viewed': ['givenName', 'organisationName'],
  'password-reset': ['recipientName'],
  'email-change-confirmation': ['recipientName'],
};
const hostile = `<script>alert("pwned")</script> O'Neil & Sons`;

describe.each(templateNames)('%s email', (name) => {
  const email = render(name);

  it('has a short, single-line subject', () => {
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.subject.length).toBeLessThanOrEqual(90);
    expect(email.subject).not.toMatch(/\n/);
  });

  it('has the same subject rendered alone (as stored for a body rendered when sent)', () => {
    expect(renderSubject(name, samples[name], context)).toBe(email.subject);
    const newline = { ...samples[name] } as Record<string, unknown>;
    for (const field of userText[name]) newline[field] = `Line one\r\nLine two ${field}`;
    expect(renderSubject(name, newline as never, context)).toBe(
      renderEmail(name, newline as never, context).subject,
    );
  });

  it('links only to absolute addresses on the public URL, the same ones in both parts', () => {
    expect(textLinks(email).length).toBeGreaterThan(0);
    for (const link of textLinks(email)) expect(link.startsWith(base)).toBe(true);
    expect(hrefs(email)).toEqual(textLinks(email));
  });

  it('has a plain-text part without markup, wrapped for reading', () => {
    expect(email.text).not.toMatch(/<\/?[a-z][^>]*>|&(amp|lt|gt|quot|#\d+);/i);
    const longLines = email.text.split('\n').filter((line) => line.length > 78 && !line.startsWith('http'));
    expect(longLines).toEqual([]);
  });

  it('wraps the HTML part in the LAR layout, with a footer saying why it was sent', () => {
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain('max-width:600px');
    // A stray double quote inside a style attribute silently drops the rest of the styling.
    expect(email.html).not.toMatch(/="[^"]*"[^\s>/]/);
    expect(email.html).not.toMatch(/<style|<link|<script/i);
    expectBothToShow(email, 'You received this email because');
    expect(seen.html(email)).toContain('LAR – Learner Achievement Record');
  });

  it('escapes names, organisations and reasons in the HTML and shows them as typed in the text', () => {
    const changes = Object.fromEntries(userText[name].map((key) => [key, hostile]));
    const evil = render(name, changes);
    expect(evil.html).not.toContain('<script>');
    expect(evil.html).toContain(escapeHtml(hostile));
    expect(evil.html).toContain(
      '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; O&#39;Neil &amp; Sons',
    );
    expect(seen.text(evil)).toContain(hostile);
  });
});

describe('footer', () => {
  it.each(['account-approved', 'learner-welcome'] as const)(
    '%s says to change the password at first sign-in',
    (name) => {
      expectBothToShow(render(name), 'system-generated password', 'change it when you first sign in');
    },
  );

  it.each(templateNames.filter((name) => name !== 'account-approved' && name !== 'learner-welcome'))(
    '%s says LAR never asks for passwords by email',
    (name) =>
      expectBothToShow(render(name), 'LAR will never ask you for your password or memorable information'),
  );
});

describe('links', () => {
  it('does not double the slash when PUBLIC_URL ends with one', () => {
    const email = renderEmail('account-approved', samples['account-approved'], {
      publicUrl: 'https://lar.example.org/',
    });
    expect(textLinks(email)).toEqual(['https://lar.example.org/sign-in']);
  });

  it('URL-encodes tokens, so a token with + / = still works when clicked', () => {
    expect(textLinks(render('password-reset'))).toEqual([
      'https://lar.example.org/reset-password?token=q9Xr%2B%2FtZ%3D4',
    ]);
  });
});

describe('values nested in lists', () => {
  it('escapes learner names and qualification titles in the digest, and reasons in the import report', () => {
    const claim = { learnerName: hostile, uln: '4829301756', qualificationTitle: hostile, qan: '600/1234/5' };
    const digest = render('possible-claims-digest', { claims: [claim] });
    const report = render('import-report', {
      rejectedRows: [{ row: 3, reason: `Email ${hostile} is not valid` }],
    });
    for (const email of [digest, report]) {
      expect(email.html).not.toContain('<script>');
      expect(email.html).toContain(escapeHtml(hostile));
      expect(seen.text(email)).toContain(hostile);
    }
  });

  it('keeps a newline in a name out of the subject header', () => {
    const email = render('record-viewed', { organisationName: 'Harbour\r\nBcc: victim@example.org' });
    expect(email.subject).toBe('Harbour Bcc: victim@example.org viewed your learner record');
  });
});
