import { screen, within } from '@testing-library/react';
import { json, stubFetch } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

describe('home page (/)', () => {
  it('explains the service to each kind of user', async () => {
    stubFetch(() => json({ status: 'ok', database: { reachable: true, latencyMs: 2 }, version: '1.0.0' }));
    renderRoute('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Learner Achievement Record' })).toBeTruthy();
    for (const name of [
      'What a LAR is',
      'Learners',
      'Centres and learning providers',
      'Employers and other providers',
      'Awarding organisations',
      'Service desk',
    ]) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
    expect(
      within(screen.getByRole('region', { name: 'Employers and other providers' })).getByText(/Select LAR/),
    ).toBeTruthy();
    expect(document.title).toBe('Learner Achievement Record – LAR');
  });

  it('starts with a skip link to the main content, within header, nav, main and footer landmarks', async () => {
    stubFetch(() => json({ status: 'ok', database: { reachable: true, latencyMs: 2 }, version: '1.0.0' }));
    renderRoute('/');
    await screen.findByRole('heading', { level: 1 });

    const skipLink = screen.getAllByRole('link')[0];
    expect(skipLink?.textContent).toBe('Skip to main content');
    const target = document.querySelector(skipLink?.getAttribute('href') ?? '#none');
    expect(target).toBe(screen.getByRole('main'));
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
  });

  it('shows the service status from /api/health, and says so plainly when the API cannot be reached', async () => {
    const fetchStub = stubFetch(() =>
      json({ status: 'ok', database: { reachable: true, latencyMs: 2 }, version: '1' }),
    );
    const { unmount } = renderRoute('/');
    expect(await screen.findByText('The service is working normally.')).toBeTruthy();
    expect(fetchStub.mock.calls[0]?.[0]).toBe('/api/health');
    unmount();

    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    renderRoute('/');
    expect(await screen.findByText('We cannot check the service at the moment.')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
  });
});
