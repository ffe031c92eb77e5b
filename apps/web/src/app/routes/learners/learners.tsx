import type { QueryClient } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { meQueryOptions, useMe } from '@/features/auth/api/get-me';
import { learnersQueryOptions, parseLearnersFilter } from '@/features/learners/api/get-learners';
import { LearnerList } from '@/features/learners/components/learner-list';
import { RequireRole } from '../../require-role';

/** Starts fetching the page of learners the address asks for; never waits or throws. */
export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    if (queryClient.getQueryData(meQueryOptions().queryKey)?.role === 'centre') {
      void queryClient.prefetchQuery(
        learnersQueryOptions(parseLearnersFilter(new URL(request.url).searchParams)),
      );
    }
    return null;
  };

function Lead() {
  const organisation = useMe().data?.organisation?.name;
  return (
    <p className="lead">
      The learners registered with {organisation ?? 'your centre'}. Find a learner by name or ULN.
    </p>
  );
}

export default function LearnersPage() {
  return (
    <>
      <DocumentTitle title="Your learners" />
      <h1>Your learners</h1>
      <RequireRole roles={['centre']}>
        <Lead />
        <p>
          <Link to={paths.learnerImports.getHref()} className="strong-link">
            Add new learners
          </Link>{' '}
          by uploading a CSV file, and see your earlier uploads.
        </p>
        <LearnerList />
      </RequireRole>
    </>
  );
}
