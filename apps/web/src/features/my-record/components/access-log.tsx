import { useState } from 'react';
import { LoadedList, LoadProblem } from '@/components/ui/access-problem';
import { DateTime } from '@/components/ui/date-time';
import { ErrorSummary, SubmitButton, SuccessBanner, useFormErrors } from '@/components/ui/form';
import { showingText } from '@/components/ui/format';
import { Pagination } from '@/components/ui/pagination';
import { recordSectionLabels } from '@/components/ui/record-sections';
import { ScrollTable } from '@/components/ui/scroll-table';
import { paths } from '@/config/paths';
import { formErrorsFrom } from '@/lib/form-errors';
import { type AccessLogPage, useAccessLog } from '../api/get-access-log';
import { useMyRecord } from '../api/get-record';
import { useUpdateNotifications } from '../api/update-notifications';

const organisationTypes: Record<string, string> = {
  CENTRE: 'Centre',
  THIRD_PARTY: 'Employer or other provider',
};

/** Every view of the learner's record by an organisation, newest first, a page at a time. */
export function AccessLog({ page }: { page: number }) {
  const query = useAccessLog(page);
  return (
    <LoadedList query={query} loading="Loading who has viewed your record…" what="who has viewed your record">
      {(data) => <AccessLogTable data={data} page={page} />}
    </LoadedList>
  );
}

function AccessLogTable({ data, page }: { data: AccessLogPage; page: number }) {
  const { items, total, pageSize } = data;
  if (total === 0) return <p className="empty">No organisation has viewed your record.</p>;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <p>{items.length > 0 && showingText(data.page, pageSize, items.length, total, 'view')}</p>
      <ScrollTable
        label="Views of your record"
        caption="Views of your record, newest first"
        captionHidden
        head={['When', 'Organisation', 'Viewed by (User ID)', 'Sections seen']}
      >
        {items.map((view) => (
          <tr key={view.id}>
            <td className="table__nowrap">
              <DateTime value={view.viewedAt} />
            </td>
            <td className="table__break">
              {view.organisation.name}
              <span className="secondary-text">
                {organisationTypes[view.organisation.type] ?? view.organisation.type}, code{' '}
                {view.organisation.code}
              </span>
            </td>
            <td>
              <code>{view.viewedBy}</code>
            </td>
            <td>
              {view.sections.length === 0
                ? 'None'
                : view.sections.map((section) => recordSectionLabels[section] ?? section).join(', ')}
            </td>
          </tr>
        ))}
      </ScrollTable>
      <Pagination
        page={page}
        totalPages={totalPages}
        hrefFor={(next) => paths.myAccessLog.getHref({ page: next })}
        label="Pages of views"
      />
    </>
  );
}

const SETTINGS_FORM = 'view-emails';

/** "Email me each time an organisation views my record": on unless the learner turns it off. */
export function ViewEmailSetting() {
  const record = useMyRecord();
  const save = useUpdateNotifications();
  const { errors, attempt, fail, clear } = useFormErrors();
  const [saved, setSaved] = useState<{ n: number; on: boolean } | null>(null);
  if (record.isPending) {
    return (
      <p role="status" className="loading">
        Loading your setting…
      </p>
    );
  }
  if (record.isError) {
    return (
      <LoadProblem
        error={record.error}
        what="your email setting"
        onRetry={() => void record.refetch()}
        retrying={record.isFetching}
      />
    );
  }
  return (
    <form
      noValidate
      aria-labelledby="view-emails-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (save.isPending) return;
        const notifyOnView = new FormData(event.currentTarget).get('notifyOnView') === 'on';
        clear();
        setSaved(null);
        save.mutate(
          { notifyOnView },
          {
            onSuccess: (settings) =>
              setSaved((previous) => ({ n: (previous?.n ?? 0) + 1, on: settings.notifyOnView })),
            onError: (error) => fail(formErrorsFrom(error, [])),
          },
        );
      }}
    >
      <h2 id="view-emails-title">Emails when your record is viewed</h2>
      {saved && (
        <SuccessBanner key={saved.n} polite title="Setting saved">
          {saved.on
            ? 'We will email you each time an organisation views your record.'
            : 'We will not email you when an organisation views your record. Views still appear on this page.'}
        </SuccessBanner>
      )}
      <ErrorSummary formId={SETTINGS_FORM} errors={errors} order={[]} attempt={attempt} />
      <div className="form-group">
        <div className="checkboxes">
          <div className="checkboxes__item">
            <input
              className="checkboxes__input"
              id={`${SETTINGS_FORM}-notifyOnView`}
              type="checkbox"
              name="notifyOnView"
              defaultChecked={record.data.learner.notifyOnView}
            />
            <label className="checkboxes__label" htmlFor={`${SETTINGS_FORM}-notifyOnView`}>
              Email me each time an organisation views my record
            </label>
          </div>
        </div>
      </div>
      <SubmitButton pending={save.isPending} pendingText="Saving…">
        Save setting
      </SubmitButton>
    </form>
  );
}
