import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { RouteErrorPage } from './error';

function Broken(): never {
  throw new Error('database exploded');
}

describe('route error page', () => {
  it('apologises without showing technical detail, and links home', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => {});
    const router = createMemoryRouter([{ path: '/', Component: Broken, ErrorBoundary: RouteErrorPage }]);
    render(<RouterProvider router={router} />);

    expect(
      await screen.findByRole('heading', { name: 'Sorry, there is a problem with the service' }),
    ).toBeTruthy();
    expect(screen.queryByText(/database exploded/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the LAR home page' }).getAttribute('href')).toBe('/');
    consoleError.mockRestore();
  });
});
