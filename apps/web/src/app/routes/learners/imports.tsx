import type { QueryClient } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { importsQueryOptions } from '@/features/learners/api/get-imports';
import { learnerDownloads, parsePage } from '@/features/learners/api/keys';
import { ImportList } from '@/features/learners/components/import-list';
import { UploadLearnersForm } from '@/features/learners/components/upload-form';
import { RequireRole } from '../../require-role';

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    if (queryClient.getQueryData(meQueryOptions().queryKey)?.role === 'centre') {
      void queryClient.prefetchQuery(
        importsQueryOptions(parsePage(new URL(request.url).searchParams.get('page'))),
      );
    }
    return null;
  };

const columns = [
  { name: 'ULN', about: 'the learner’s unique learner number: 10 digits' },
  { name: 'GivenName', about: 'the learner’s given (first) name' },
  { name: 'FamilyName', about: 'the learner’s family name (surname)' },
  {
    name: 'DateOfBirth',
    about: 'the learner’s date of birth: YYYY-MM-DD or DD/MM/YYYY, for example 2008-04-17 or 17/04/2008',
  },
  {
    name: 'Email',
    about: 'the learner’s email address; leave it empty if they have none, and hand them an activation code',
  },
];

export default function LearnerImportsPage() {
  return (
    <>
      <DocumentTitle title="Add new learners" />
      <Link to={paths.learners.getHref()} className="back-link">
        Your learners
      </Link>
      <h1>Add new learners</h1>
      <RequireRole roles={['centre']}>
        <p className="lead">
          Upload a CSV file of learners to register them with your centre. LAR creates a record for each
          learner who does not have one yet, and emails them how to sign in.
        </p>

        <section aria-labelledby="prepare-title">
          <h2 id="prepare-title">Prepare your file</h2>
          <p>The first row names the columns. Then there is one row for each learner, with these columns:</p>
          <dl className="summary-list">
            {columns.map((column) => (
              <div key={column.name} className="summary-list__row">
                <dt>
                  <code>{column.name}</code>
                </dt>
                <dd>{column.about}</dd>
              </div>
            ))}
          </dl>
          <p>A file can hold up to 100,000 learners and be up to 20 MB. Save it as CSV (UTF-8).</p>
          <p>
            <a href={learnerDownloads.sampleCsv} download>
              Download the sample CSV file
            </a>
          </p>
        </section>

        <section aria-labelledby="upload-title">
          <h2 id="upload-title">Upload your file</h2>
          <p>
            You can upload a corrected file again: learners already added are not added twice, and the same
            file uploaded twice changes nothing.
          </p>
          <UploadLearnersForm />
        </section>

        {/* Not a <section>: the table must be a child of <main> to use the full width. */}
        <h2 id="earlier-title">Earlier uploads</h2>
        <ImportList />
      </RequireRole>
    </>
  );
}
