import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createRoutes } from '@/app/router';
import { createQueryClient, queryConfig } from '@/lib/query-client';

/** Renders the real routes at `url`, with a fresh query client that does not retry. */
export function renderRoute(url: string) {
  const queryClient = createQueryClient({ queries: { ...queryConfig.queries, retry: false } });
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  return render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}
