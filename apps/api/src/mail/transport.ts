import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Derived from the outbox message's idempotency key, so a rare duplicate is recognisable. */
  messageId: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer when `smtpUrl` is set; otherwise `.eml` files in `dropDir`. */
export function createMailTransport({
  smtpUrl,
  dropDir,
}: {
  smtpUrl?: string;
  dropDir: string;
}): MailTransport {
  return smtpUrl ? smtpTransport(smtpUrl) : dropTransport(dropDir);
}

function smtpTransport(url: string): MailTransport {
  // A pool of connections reused across messages, unless the URL says otherwise.
  const pooled = new URL(url);
  if (!pooled.searchParams.has('pool')) pooled.searchParams.set('pool', 'true');
  const transporter = nodemailer.createTransport(pooled.toString());
  return {
    async send(mail) {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}

/** Builds the same MIME message SMTP would carry and writes it where people and tests can read it. */
function dropTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transporter.sendMail(mail);
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 24)}.eml`;
      await writeFile(path.join(dir, name), info.message as Buffer);
    },
    close: () => transporter.close(),
  };
}
