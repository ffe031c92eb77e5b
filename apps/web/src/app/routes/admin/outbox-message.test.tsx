import type { OutboxMessageDetail } from '@lar/shared/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, stubFetch } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const id = '0b9d3f0e-1c1a-4c55-9a55-3b8f4a3c2d11';
const failed: OutboxMessageDetail = {
  id,
  template: 'account-activation',
  to: 'ada@example.org',
  subject: 'Activate your LAR account',
  status: 'FAILED',
  attempts: 5,
  lastError: 'SMTP 550 mailbox unavailable',
  nextAttemptAt: '2026-11-28T10:00:00.000Z',
  sentAt: null,
  createdAt: '2026-11-28T09:05:00.000Z',
  idempotencyKey: 'activation:ada',
  text: 'Hello Ada,\n\nUse this link to activate your account:\nhttps://lar.example/activate/abc',
  html: '<p>Hello Ada,</p><script>window.parent.alert("x")</script>',
};

/** The API for one message: GET answers with the message as it stands; POST resend with `resend()`. */
function stubMessageApi(resend: () => Response) {
  let message = failed;
  const stub = stubFetch((request) => {
    const { pathname } = new URL(request.url);
    if (pathname === `/api/v1/admin/outbox/${id}/resend` && request.method === 'POST') {
      const response = resend();
      if (response.ok) message = { ...message, status: 'PENDING', attempts: 0, lastError: null };
      return response;
    }
    if (pathname === `/api/v1/admin/outbox/${id}`) return json(message);
    return json({ status: 'ok' });
  });
  return { stub };
}

describe('one outbox message (/admin/outbox/:id)', () => {
  it('shows every field, the plain text in a <pre>, and the HTML in a sandboxed frame', async () => {
    stubMessageApi(() => json(failed));
    renderRoute(`/admin/outbox/${id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Activate your LAR account' })).toBeTruthy();
    for (const text of ['ada@example.org', 'account-activation', 'Failed', 'SMTP 550 mailbox unavailable']) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    expect(screen.getByText('activation:ada')).toBeTruthy();
    expect(screen.getByText('28 Nov 2026, 09:05')).toBeTruthy();

    const text = screen.getByText(/Use this link to activate your account/);
    expect(text.tagName).toBe('PRE');
    expect(text.textContent).toBe(failed.text);

    const frame = screen.getByTitle('HTML part of the message “Activate your LAR account”');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(failed.html);
    expect(screen.getByRole('link', { name: 'Back to the mail outbox' }).getAttribute('href')).toBe(
      '/admin/outbox',
    );
  });

  it('sends a failed message again, says so, moves focus there and shows the new status', async () => {
    const { stub } = stubMessageApi(() =>
      json({ ...failed, status: 'PENDING', attempts: 0, lastError: null }),
    );
    renderRoute(`/admin/outbox/${id}`);
    await screen.findByRole('heading', { level: 1 });

    fireEvent.click(screen.getByRole('button', { name: 'Send again' }));

    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText('The message is queued to be sent again.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(banner));
    const post = stub.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(post?.[0])).toBe(`/api/v1/admin/outbox/${id}/resend`);

    expect(await screen.findByText('Waiting')).toBeTruthy();
    expect(screen.queryByText('Failed')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send again' })).toBeNull();
    expect(screen.getByText(/This message is waiting to be sent/)).toBeTruthy();
  });

  it('shows a 409 in an error summary, with focus on it', async () => {
    stubMessageApi(() =>
      json({ error: { code: 'CONFLICT', message: 'This message is already waiting to be sent.' } }, 409),
    );
    renderRoute(`/admin/outbox/${id}`);
    await screen.findByRole('heading', { level: 1 });

    fireEvent.click(screen.getByRole('button', { name: 'Send again' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    expect(within(summary).getByText('This message is already waiting to be sent.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.queryByText('The message is queued to be sent again.')).toBeNull();
  });

  it('explains who can see a message when the API answers 403', async () => {
    stubFetch((request) =>
      request.url.includes('/admin/outbox')
        ? json({ error: { code: 'FORBIDDEN', message: 'No' } }, 403)
        : json({ status: 'ok' }),
    );
    renderRoute(`/admin/outbox/${id}`);
    expect(
      await screen.findByText(
        'Only the service desk can see the mail outbox. Sign in with a service desk account.',
      ),
    ).toBeTruthy();
  });

  it('says when there is no such message', async () => {
    stubFetch((request) =>
      request.url.includes('/admin/outbox')
        ? json({ error: { code: 'NOT_FOUND', message: 'No such message in the outbox.' } }, 404)
        : json({ status: 'ok' }),
    );
    renderRoute(`/admin/outbox/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Message not found' })).toBeTruthy();
  });
});
