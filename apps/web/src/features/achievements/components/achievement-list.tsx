import type { RecordedAchievement } from '@lar/shared/api';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadedList } from '@/components/ui/access-problem';
import { ActionOutcome, type ReportOutcome, useActionOutcome } from '@/components/ui/action-outcome';
import { CalendarDate, DateTime } from '@/components/ui/date-time';
import { TextField } from '@/components/ui/form';
import { showingText } from '@/components/ui/format';
import { Pagination } from '@/components/ui/pagination';
import { InlineReasonForm } from '@/components/ui/reason-form';
import { ScrollTable } from '@/components/ui/scroll-table';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { readForm } from '@/lib/form-errors';
import { type AchievementsFilter, parseAchievementsFilter, useAchievements } from '../api/get-achievements';
import { useWithdrawAchievement } from '../api/withdraw-achievement';

const FORM_ID = 'achievements-search';
const COLUMNS = 7;

/** "learners whose ULN starts 9276 and units whose URN starts F/601". */
function searchText(filter: AchievementsFilter): string {
  return [filter.uln ? `ULN starting ${filter.uln}` : '', filter.urn ? `URN starting ${filter.urn}` : '']
    .filter(Boolean)
    .join(' and ');
}

/**
 * The achievements the organisation recorded, newest first: a ULN and URN search (`?uln=&urn=`), pages
 * (`?page=`), and a Withdraw action on each achievement still counting.
 */
export function AchievementList() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const filter = parseAchievementsFilter(searchParams);
  const achievements = useAchievements(filter);
  const { outcome, report } = useActionOutcome();
  const searched = Boolean(filter.uln || filter.urn);

  return (
    <>
      <ActionOutcome outcome={outcome} formId="achievement-action" />
      <form
        className="search-form search-form--compact full-width"
        aria-label="Search recorded achievements"
        onSubmit={(event) => {
          event.preventDefault();
          const { uln = '', urn = '' } = readForm(event.currentTarget);
          navigate(paths.achievements.getHref({ uln, urn }));
        }}
      >
        <TextField
          key={`uln-${filter.uln}`}
          formId={FORM_ID}
          name="uln"
          label="ULN"
          hint="A learner’s ULN or its first digits"
          defaultValue={filter.uln}
          maxLength={10}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="input--width-10"
        />
        <TextField
          key={`urn-${filter.urn}`}
          formId={FORM_ID}
          name="urn"
          label="URN"
          hint="A unit’s URN or its start, such as F/601"
          defaultValue={filter.urn}
          maxLength={10}
          autoComplete="off"
          spellCheck={false}
          className="input--width-10"
        />
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>
      {searched && (
        <p>
          <Link to={paths.achievements.getHref()}>Clear the search</Link>
        </p>
      )}
      <LoadedList
        query={achievements}
        loading="Loading achievements…"
        what="your organisation’s achievements"
      >
        {(data) => (
          <Achievements
            filter={filter}
            items={data.items}
            total={data.total}
            pageSize={data.pageSize}
            report={report}
          />
        )}
      </LoadedList>
    </>
  );
}

function Achievements({
  filter,
  items,
  total,
  pageSize,
  report,
}: {
  filter: AchievementsFilter;
  items: RecordedAchievement[];
  total: number;
  pageSize: number;
  report: ReportOutcome;
}) {
  const searched = searchText(filter);
  if (total === 0) {
    return (
      <p className="empty">
        {searched
          ? `No achievements with ${searched}.`
          : 'Your organisation has not recorded any achievements yet.'}
      </p>
    );
  }
  if (items.length === 0) {
    return (
      <p className="empty">
        There are no achievements on this page.{' '}
        <Link to={paths.achievements.getHref({ uln: filter.uln, urn: filter.urn })}>
          Go to the first page
        </Link>
      </p>
    );
  }
  return (
    <>
      <ScrollTable
        label="Recorded achievements"
        wide
        caption={
          <>
            {searched ? `Achievements with ${searched}` : 'Achievements your organisation recorded'}, newest
            first
          </>
        }
        note={showingText(filter.page, pageSize, items.length, total, 'achievement')}
        head={[
          'Learner',
          'Unit',
          'Achieved',
          'Basis',
          'Recorded',
          'Status',
          { label: 'Actions', hidden: true },
        ]}
      >
        {items.map((achievement) => (
          <AchievementRow key={achievement.id} achievement={achievement} report={report} />
        ))}
      </ScrollTable>
      <Pagination
        page={filter.page}
        totalPages={Math.max(1, Math.ceil(total / pageSize))}
        hrefFor={(page) => paths.achievements.getHref({ uln: filter.uln, urn: filter.urn, page })}
        label="Pages of achievements"
      />
    </>
  );
}

/** "unit F/601/7513 for Priya Shah (ULN 9276308686)". */
const describe = (a: RecordedAchievement) => `unit ${a.urn} for ${a.learnerName} (ULN ${a.uln})`;

function AchievementRow({
  achievement,
  report,
}: {
  achievement: RecordedAchievement;
  report: ReportOutcome;
}) {
  const [withdrawing, setWithdrawing] = useState(false);
  const withdrawn = Boolean(achievement.withdrawnAt);
  const formRowId = `withdraw-${achievement.id}`;
  return (
    <>
      <tr>
        <td className="table__break">
          {achievement.learnerName}
          <span className="secondary-text">
            ULN <code>{achievement.uln}</code>
          </span>
        </td>
        <td className="table__break">
          <code className="table__nowrap">{achievement.urn}</code>
          <span className="secondary-text">{achievement.unitTitle}</span>
        </td>
        <td className="table__nowrap">
          <CalendarDate value={achievement.achievedOn} />
        </td>
        <td>{achievement.basis === 'exemption' ? 'Exemption' : 'Credit'}</td>
        <td>
          <DateTime value={achievement.recordedAt} />
        </td>
        <td className="table__break">
          {withdrawn ? (
            <>
              <strong className="tag" data-status="FAILED">
                Withdrawn
              </strong>
              <span className="secondary-text">
                <DateTime value={achievement.withdrawnAt} />
              </span>
              {achievement.withdrawnReason && (
                <span className="secondary-text pre-line">Reason: {achievement.withdrawnReason}</span>
              )}
            </>
          ) : (
            <strong className="tag" data-status="SENT">
              Counts
            </strong>
          )}
        </td>
        <td>
          {!withdrawn && (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={withdrawing}
              aria-controls={withdrawing ? formRowId : undefined}
              aria-label={`Withdraw the achievement of ${describe(achievement)}`}
              onClick={() => setWithdrawing((open) => !open)}
            >
              Withdraw
            </button>
          )}
        </td>
      </tr>
      {withdrawing && !withdrawn && (
        <tr id={formRowId}>
          <td colSpan={COLUMNS}>
            <WithdrawForm achievement={achievement} report={report} onCancel={() => setWithdrawing(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

function WithdrawForm({
  achievement,
  report,
  onCancel,
}: {
  achievement: RecordedAchievement;
  report: ReportOutcome;
  onCancel: () => void;
}) {
  const withdraw = useWithdrawAchievement();
  const what = describe(achievement);
  return (
    <InlineReasonForm
      formId={`withdraw-${achievement.id}-form`}
      title={`Withdraw the achievement of ${what}`}
      question={`Why are you withdrawing the achievement of ${what}?`}
      hint="It is kept with the achievement. The unit stops counting towards the learner’s qualifications."
      missing="Enter why you are withdrawing the achievement"
      maxLength={1000}
      submitText="Withdraw achievement"
      pendingText="Withdrawing…"
      pending={withdraw.isPending}
      send={(reason) => withdraw.mutateAsync({ id: achievement.id, reason })}
      succeeded={`The achievement of ${what} is withdrawn. It no longer counts towards qualifications.`}
      // Already withdrawn elsewhere: the refreshed row shows it, and the message says so above the list.
      settledElsewhere={(error) =>
        error instanceof ApiError && (error.code === 'CONFLICT' || error.status === 404)
          ? error.message
          : undefined
      }
      report={report}
      onCancel={onCancel}
    />
  );
}
