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
            { path: paths.signIn.path, lazy: load(queryClient, () => import('./routes/sign-in')) },
            {
              path: paths.learnerSignIn.path,
              lazy: load(queryClient, () => import('./routes/learner-sign-in')),
            },
            {
              path: paths.requestAccess.path,
              lazy: load(queryClient, () => import('./routes/request-access')),
            },
            { path: paths.firstSignIn.path, lazy: load(queryClient, () => import('./routes/first-sign-in')) },
            { path: paths.profile.path, lazy: load(queryClient, () => import('./routes/profile')) },
            {
              path: paths.profileEmailConfirm.path,
              lazy: load(queryClient, () => import('./routes/profile-email-confirm')),
            },
            {
              path: paths.forgottenPassword.path,
              lazy: load(queryClient, () => import('./routes/forgotten-password')),
            },
            {
              path: paths.resetPassword.path,
              lazy: load(queryClient, () => import('./routes/reset-password')),
            },
            {
              path: paths.adminAccountRequests.path,
              lazy: load(queryClient, () => import('./routes/admin/account-requests')),
            },
            {
              path: paths.adminAccounts.path,
              lazy: load(queryClient, () => import('./routes/admin/accounts')),
            },
            { path: paths.apiTokens.path, lazy: load(queryClient, () => import('./routes/api-tokens')) },
            {
              path: paths.learners.path,
              lazy: load(queryClient, () => import('./routes/learners/learners')),
            },
            {
              path: paths.learnerImports.path,
              lazy: load(queryClient, () => import('./routes/learners/imports')),
            },
            {
              path: paths.learnerImport.path,
              lazy: load(queryClient, () => import('./routes/learners/import')),
            },
            {
              path: paths.catalogue.path,
              lazy: load(queryClient, () => import('./routes/catalogue/catalogue')),
            },
            {
              path: paths.catalogueQualification.path,
              lazy: load(queryClient, () => import('./routes/catalogue/qualification')),
            },
            {
              path: paths.catalogueUnit.path,
              lazy: load(queryClient, () => import('./routes/catalogue/unit')),
            },
            {
              path: paths.catalogueImport.path,
              lazy: load(queryClient, () => import('./routes/catalogue/import')),
            },
            {
              path: paths.achievements.path,
              lazy: load(queryClient, () => import('./routes/achievements/achievements')),
            },
            { path: paths.claims.path, lazy: load(queryClient, () => import('./routes/claims/claims')) },
            { path: paths.claim.path, lazy: load(queryClient, () => import('./routes/claims/claim')) },
            { path: paths.myRecord.path, lazy: load(queryClient, () => import('./routes/my-record/record')) },
            {
              path: paths.myQualifications.path,
              lazy: load(queryClient, () => import('./routes/my-record/qualifications')),
            },
            {
              path: paths.myPermissions.path,
              lazy: load(queryClient, () => import('./routes/my-record/permissions')),
            },
            {
              path: paths.myAccessLog.path,
              lazy: load(queryClient, () => import('./routes/my-record/access-log')),
            },
            {
              path: paths.selectLar.path,
              lazy: load(queryClient, () => import('./routes/select-lar/select-lar')),
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
