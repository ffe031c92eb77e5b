import type { QueryClient } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import {
  achievementsQueryOptions,
  parseAchievementsFilter,
} from '@/features/achievements/api/get-achievements';
import { AchievementList } from '@/features/achievements/components/achievement-list';
import { UploadAchievementsForm } from '@/features/achievements/components/upload-form';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { RequireRole } from '../../require-role';

/** Starts fetching the page of achievements the address asks for; never waits or throws. */
export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    if (queryClient.getQueryData(meQueryOptions().queryKey)?.role === 'awarding_organisation') {
      void queryClient.prefetchQuery(
        achievementsQueryOptions(parseAchievementsFilter(new URL(request.url).searchParams)),
      );
    }
    return null;
  };

const columns = [
  { name: 'ULN', about: 'the learner’s unique learner number: 10 digits' },
  { name: 'URN', about: 'the unit’s reference number, such as F/601/7513; your organisation must award it' },
  { name: 'AchievedOn', about: 'the date the learner achieved the unit: YYYY-MM-DD, not in the future' },
  {
    name: 'Basis',
    about: 'optional: credit (the default) or exemption, for a unit the learner is exempt from',
  },
];

export default function AchievementsPage() {
  return (
    <>
      <DocumentTitle title="Achievements" />
      <h1>Achievements</h1>
      <RequireRole roles={['awarding_organisation']}>
        <p className="lead">
          Record the units your learners have achieved. LAR adds each one to the learner’s record and checks
          whether they can now claim a qualification.
        </p>

        {/* Not a <section>: the report's table must be a child of <main> to use the full width. */}
        <h2 id="achievements-prepare-title">Record achievements from a CSV file</h2>
        <p>
          The first row names the columns. Then there is one row for each achievement, with these columns:
        </p>
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
        <p>
          A file can hold up to 10,000 achievements. Save it as CSV (UTF-8). Each row is recorded or rejected
          on its own, with the reason.
        </p>
        <p>
          Your own systems can send achievements too, as JSON to <code>POST /api/v1/achievements</code>, with
          an <Link to={paths.apiTokens.getHref()}>API token</Link>. See the{' '}
          <a href="/api/docs">API documentation</a>.
        </p>
        <UploadAchievementsForm />

        {/* Not a <section>: the table must be a child of <main> to use the full width. */}
        <h2 id="recorded-achievements-title">Recorded achievements</h2>
        <p>
          Withdraw an achievement recorded in error: it stays here with your reason, and no longer counts
          towards the learner’s qualifications.
        </p>
        <AchievementList />
      </RequireRole>
    </>
  );
}
