import { Link } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';

export function NotFoundPage() {
  return (
    <>
      <DocumentTitle title="Page not found" />
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        <Link to={paths.home.getHref()}>Go to the LAR home page</Link>
      </p>
    </>
  );
}
