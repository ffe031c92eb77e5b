import { screen } from '@testing-library/react';
import { json, stubFetch } from '@/testing/fetch-stub';
import { renderRoute } from '@/testing/render-route';

describe('app routes', () => {
  beforeEach(() => {
    stubFetch(() => json({ status: 'ok', database: { reachable: true, latencyMs: 2 }, version: '1' }));
  });

  it('shows the not-found page, inside the layout, for an unknown address', async () => {
    renderRoute('/no/such/page');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the LAR home page' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeTruthy();
    expect(document.title).toBe('Page not found – LAR');
  });

  it('shows the service status page with what /api/health reports', async () => {
    stubFetch(() =>
      json({ status: 'degraded', database: { reachable: false, latencyMs: 0 }, version: '1.2.3' }),
    );
    renderRoute('/status');

    expect(await screen.findByRole('heading', { level: 1, name: 'Service status' })).toBeTruthy();
    expect(await screen.findByText('Not reachable')).toBeTruthy();
    expect(screen.getByText('1.2.3')).toBeTruthy();
    expect(
      screen.getByText(/Some parts of the service are not working/, { selector: '[role="status"]' }),
    ).toBeTruthy();
  });

  it('reads a 503 from /api/health as a service with problems, not as an unknown state', async () => {
    stubFetch(() => json({ status: 'degraded' }, 503));
    renderRoute('/status');

    expect(await screen.findByRole('heading', { level: 1, name: 'Service status' })).toBeTruthy();
    expect(
      await screen.findByText(/Some parts of the service are not working/, { selector: '[role="status"]' }),
    ).toBeTruthy();
  });
});
