// What the end-to-end specs share: the server's address, the mail global-setup's SMTP server received,
// accessibility checks, screenshots, and test data helpers.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const root = path.resolve(__dirname, '..');

/** The demo seed's password for every demo account. */
export const DEMO_PASSWORD = 'lar-demo-2026';

export const baseURL = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts');
  return url;
};

const receivedDir = () => {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set: run through playwright.config.ts');
  return path.join(dataDir, 'received');
};

export interface ParsedMail {
  subject?: string;
  text?: string;
  to?: { text: string } | { text: string }[];
}

const { simpleParser } = createRequire(path.join(root, 'apps/api/package.json'))('mailparser') as {
  simpleParser: (source: Buffer) => Promise<ParsedMail>;
};

const recipients = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).map((to) => to.text).join(', ');

/**
 * Waits for a message to `to` (received by global-setup's SMTP server) whose subject matches and, when
 * given, whose text contains `containing`; newest first.
 */
export async function waitForMail(
  to: string,
  subject: RegExp,
  { containing = '', timeoutMs = 60_000 }: { containing?: string; timeoutMs?: number } = {},
): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  const seen: string[] = [];
  while (Date.now() < deadline) {
    const files = readdirSync(receivedDir())
      .filter((name) => /^\d+\.eml$/.test(name))
      .sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10));
    seen.length = 0;
    for (const name of files) {
      const mail = await simpleParser(readFileSync(path.join(receivedDir(), name)));
      seen.push(`${recipients(mail)}: ${mail.subject ?? ''}`);
      if (
        recipients(mail).includes(to) &&
        subject.test(mail.subject ?? '') &&
        (mail.text ?? '').includes(containing)
      ) {
        return mail;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no email to ${to} with subject ${subject}; received:\n${seen.join('\n')}`);
}

export async function expectNoSeriousAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** `shot(page, 'report')` saves test-results/screenshots/<prefix>-report.png, the whole page. */
export const screenshots = (prefix: string) => (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${prefix}-${name}.png`, fullPage: true });

/** A QAN's check digit: (8·d1 + 7·d2 + … + 2·d7) mod 11, 10 written X. */
export function qanWithCheckDigit(digits: string): string {
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (8 - i), 0);
  const check = sum % 11;
  return `${digits.slice(0, 3)}/${digits.slice(3)}/${check === 10 ? 'X' : check}`;
}

export const randomDigits = (count: number) =>
  Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');

export async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
}
