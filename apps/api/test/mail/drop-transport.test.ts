import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { createMailTransport } from '../../src/mail/transport';

describe('mail without SMTP_URL (the embedded default)', () => {
  it('writes each message as an .eml file that mail clients can open', async () => {
    const dropDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'lar-mail-')), 'mail');
    const transport = createMailTransport({ dropDir });
    await transport.send({
      from: 'LAR <no-reply@lar.localhost>',
      to: 'amelia@example.org',
      subject: 'Your LAR password',
      text: 'Your ULN is 9276308686.',
      html: '<p>Your ULN is <strong>9276308686</strong>.</p>',
      messageId: '<abc@lar.localhost>',
    });
    transport.close();
    const files = readdirSync(dropDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const mail = await simpleParser(readFileSync(path.join(dropDir, files[0] ?? '')));
    expect(mail.subject).toBe('Your LAR password');
    expect(mail.messageId).toBe('<abc@lar.localhost>');
    expect(mail.text?.trim()).toBe('Your ULN is 9276308686.');
    expect(mail.html).toContain('<strong>9276308686</strong>');
  });
});
