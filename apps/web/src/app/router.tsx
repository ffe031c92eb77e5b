import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, useMemo } from 'react';
import { createBrowserRouter, type LoaderFunction, type RouteObject, RouterProvider } from 'react-router';
import { paths } from '@/config/paths';
import { RouteErrorPage } from './routes/error';
import { NotFoundPage } from './routes/not-found';
import { PageOutlet, RootLayout } from './routes/root';

/**
 * What a route module exports: the page as `default`, and optionally `clientLoader(queryClient)`
 * returning a loader that prefetches the page's data through the same query options its hooks use.
 */
interface RouteModule {
  default: ComponentType;
  clientLoader?: (queryClient: QueryClient) => LoaderFunction;
}

const load = (queryClient: QueryClient, importModule: () => Promise<RouteModule>) => async () => {
  const { default: Component, clientLoader } = await importModule();
  return { Component, ...(clientLoader && { loader: clientLoader(queryClient) }) };
};

export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      Component: RootLayout,
      children: [
        {
          // Pathless, so that a failing page is replaced inside the layout, and the layout is
          // already on screen while the first lazy page loads.
          Component: PageOutlet,
          ErrorBoundary: RouteErrorPage,
          HydrateFallback: () => null,
          children: [
            { path: paths.home.path, lazy: load(queryClient, () => import('./routes/home')) },
            { path: paths.status.path, lazy: load(queryClient, () => import('./routes/status')) },
            { path: paths.adminOutbox.path, lazy: load(queryClient, () => import('./routes/admin/outbox')) },
            {
              path: paths.adminOutboxMessage.path,
              lazy: load(queryClient, () => import('./routes/admin/outbox-message')),
            },
            // Also shown by the error page for a 404, so it is in the main bundle anyway.
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ];
}

export function AppRouter() {
  const queryClient = useQueryClient();
  const router = useMemo(() => createBrowserRouter(createRoutes(queryClient)), [queryClient]);
  return <RouterProvider router={router} />;
}
