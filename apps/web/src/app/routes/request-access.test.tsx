import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, stubApi } from '@/testing/api-stub';
import { json } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

const summary = () => screen.getByRole('alert', { name: 'There is a problem' });
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fillValidForm() {
  type('Full name', 'Ada Lovelace');
  type('Email address', 'ada@example.org');
  fireEvent.click(screen.getByRole('radio', { name: 'Centre or learning provider' }));
  type('Centre code', '10012345');
  type('Organisation name', 'Analytical College');
  type('Organisation address', '1 Engine Row\nLondon');
  type('Telephone number', '0114 496 0000');
}

describe('request access', () => {
  it('checks every field before sending, with a focused summary linking to each input', async () => {
    const api = stubApi({});
    renderRoute('/request-access');
    await screen.findByRole('heading', { level: 1, name: 'Request access' });
    expect(document.title).toBe('Request access – LAR');
    expect(screen.getByText('UKPRN (8 digits) or NCN (5 digits)')).toBeTruthy();
    expect(screen.getByLabelText('Email address').getAttribute('autocomplete')).toBe('email');
    expect(screen.getByLabelText('Organisation name').getAttribute('autocomplete')).toBe('organization');
    expect(screen.getByLabelText('Organisation address').getAttribute('autocomplete')).toBe('street-address');
    expect(screen.getByLabelText('Telephone number').getAttribute('autocomplete')).toBe('tel');

    type('Centre code', '1234');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));

    await waitFor(() => expect(document.activeElement).toBe(summary()));
    const links = within(summary())
      .getAllByRole('link')
      .map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Enter your full name', '#request-access-fullName'],
      ['Enter your email address', '#request-access-email'],
      ['Select the type of organisation', '#request-access-organisationType'],
      ['Enter a UKPRN of 8 digits or an NCN of 5 digits', '#request-access-centreCode'],
      ['Enter the name of your organisation', '#request-access-organisationName'],
      ['Enter your organisation’s address', '#request-access-address'],
      ['Enter a telephone number', '#request-access-phone'],
    ]);
    // The first radio carries the field's id, so the summary link lands on the group.
    expect(document.getElementById('request-access-organisationType')).toBe(
      screen.getByRole('radio', { name: 'Centre or learning provider' }),
    );
    const centreCode = screen.getByLabelText('Centre code');
    expect(centreCode.getAttribute('aria-invalid')).toBe('true');
    const errorId = centreCode
      .getAttribute('aria-describedby')
      ?.split(' ')
      .find((id) => id.endsWith('-error'));
    expect(document.getElementById(errorId ?? '')?.textContent).toContain(
      'Enter a UKPRN of 8 digits or an NCN of 5 digits',
    );
    expect(api.bodies('POST /api/v1/account-requests')).toEqual([]);
  });

  it('puts the API’s field errors (`body.` stripped) on the inputs they name', async () => {
    stubApi({
      'POST /api/v1/account-requests': apiError(400, 'VALIDATION_FAILED', 'Check the form', [
        { field: 'body.centreCode', message: 'There is no organisation with this UKPRN' },
        { field: 'email', message: 'An account already uses this email address' },
      ]),
    });
    renderRoute('/request-access');
    await screen.findByRole('heading', { level: 1, name: 'Request access' });
    fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));

    await waitFor(() => expect(document.activeElement).toBe(summary()));
    expect(
      within(summary())
        .getByRole('link', { name: 'An account already uses this email address' })
        .getAttribute('href'),
    ).toBe('#request-access-email');
    expect(
      within(summary())
        .getByRole('link', { name: 'There is no organisation with this UKPRN' })
        .getAttribute('href'),
    ).toBe('#request-access-centreCode');
    expect(screen.getByLabelText('Centre code').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Full name').getAttribute('aria-invalid')).toBeNull();
  });

  it('sends the request and says what happens next', async () => {
    const api = stubApi({
      'POST /api/v1/account-requests': (_request, body) =>
        json({ id: 'r1', status: 'PENDING', codeType: 'UKPRN', ...(body as object) }, 201),
    });
    renderRoute('/request-access');
    await screen.findByRole('heading', { level: 1, name: 'Request access' });
    fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'We have your request' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText(/we will email your User ID and a password to ada@example.org/)).toBeTruthy();
    expect(api.bodies('POST /api/v1/account-requests')).toEqual([
      {
        fullName: 'Ada Lovelace',
        email: 'ada@example.org',
        organisationType: 'CENTRE',
        centreCode: '10012345',
        organisationName: 'Analytical College',
        address: '1 Engine Row\nLondon',
        phone: '0114 496 0000',
      },
    ]);
  });
});
