import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { NotFoundPage } from './not-found';

/** Shown inside the layout when a page fails to load or render. Never shows technical detail. */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;

  useEffect(() => {
    if (!notFound) console.error(error);
  }, [error, notFound]);

  if (notFound) return <NotFoundPage />;
  return (
    <>
      <DocumentTitle title="Sorry, there is a problem" />
      <h1>Sorry, there is a problem with the service</h1>
      <p>Try again later. Reloading the page may help.</p>
      <p>
        <Link to={paths.home.getHref()}>Go to the LAR home page</Link>
      </p>
    </>
  );
}
