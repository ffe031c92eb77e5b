import type { OrganisationSummary, PermissionView, RecordSectionName } from '@lar/shared/api';
import { useEffect, useRef, useState } from 'react';
import { LoadedList } from '@/components/ui/access-problem';
import { ActionOutcome, type ReportOutcome, useActionOutcome } from '@/components/ui/action-outcome';
import { CalendarDate, DateTime } from '@/components/ui/date-time';
import { CheckboxesField, ErrorSummary, SubmitButton, TextField, useFormErrors } from '@/components/ui/form';
import {
  RECORD_SECTIONS,
  recordSectionHints,
  recordSectionLabels,
  sectionsInWords,
} from '@/components/ui/record-sections';
import { ScrollTable } from '@/components/ui/scroll-table';
import { ApiError } from '@/lib/api-client';
import { formErrorsFrom, readForm } from '@/lib/form-errors';
import { useFindOrganisation } from '../api/find-organisation';
import { usePermissions } from '../api/get-permissions';
import {
  useChangePermissionExpiry,
  useGrantPermissions,
  useRevokePermission,
} from '../api/permission-actions';
import { checkExpiry, expiryLimits, londonDate, longDate } from './dates';
import { organisationType, PermissionStatusTag, permissionStatus } from './format';

const FIND_FORM = 'find-organisation';
const GRANT_FORM = 'grant-permission';

/** The learner's permissions: give an organisation access to sections of the record, change, revoke. */
export function Permissions() {
  const { outcome, report, clear } = useActionOutcome();
  return (
    <>
      <ActionOutcome outcome={outcome} formId="permission-action" />
      <GrantPermission report={report} clearOutcome={clear} />
      <PermissionList report={report} />
    </>
  );
}

/** Find the organisation by its code, confirm it is the right one, then choose what and until when. */
function GrantPermission({ report, clearOutcome }: { report: ReportOutcome; clearOutcome: () => void }) {
  const [organisation, setOrganisation] = useState<OrganisationSummary | null>(null);
  return (
    <section aria-labelledby="grant-title" className="section">
      <h2 id="grant-title">Give an organisation permission</h2>
      {organisation ? (
        <GrantForm
          organisation={organisation}
          onCancel={() => setOrganisation(null)}
          onGranted={(text) => {
            setOrganisation(null);
            report('success', text);
          }}
        />
      ) : (
        <FindOrganisation
          onFound={(found) => {
            clearOutcome();
            setOrganisation(found);
          }}
        />
      )}
    </section>
  );
}

function FindOrganisation({ onFound }: { onFound: (organisation: OrganisationSummary) => void }) {
  const find = useFindOrganisation();
  const { errors, attempt, fail, clear } = useFormErrors();
  return (
    <form
      noValidate
      aria-label="Find an organisation"
      className="search-form search-form--compact"
      onSubmit={(event) => {
        event.preventDefault();
        if (find.isPending) return;
        const { code = '' } = readForm(event.currentTarget);
        if (!code) return fail({ fields: { code: 'Enter the organisation’s code' } });
        if (code.length > 20) return fail({ fields: { code: 'The code must be 20 characters or fewer' } });
        clear();
        find.mutate(code, {
          onSuccess: onFound,
          onError: (error) => {
            if (error instanceof ApiError && (error.status === 404 || error.status === 400))
              return fail({
                fields: {
                  code: `No centre or employer has the code ${code}. Check the code with the organisation`,
                },
              });
            fail(formErrorsFrom(error, ['code']));
          },
        });
      }}
    >
      <ErrorSummary formId={FIND_FORM} errors={errors} order={['code']} attempt={attempt} />
      <TextField
        formId={FIND_FORM}
        name="code"
        label="Organisation code"
        hint="Ask the centre or employer for their code: a centre’s is its UKPRN or NCN, for example 10012345."
        error={errors.fields.code}
        autoComplete="off"
        spellCheck={false}
        className="input--width-10"
      />
      <SubmitButton pending={find.isPending} pendingText="Finding…">
        Find organisation
      </SubmitButton>
    </form>
  );
}

function GrantForm({
  organisation,
  onCancel,
  onGranted,
}: {
  organisation: OrganisationSummary;
  onCancel: () => void;
  onGranted: (text: string) => void;
}) {
  const grant = useGrantPermissions();
  const { errors, attempt, fail, clear } = useFormErrors();
  const limits = expiryLimits();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <>
      <h3 ref={heading} tabIndex={-1} className="focus-heading">
        {organisation.name}
      </h3>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Type</dt>
          <dd>{organisationType(organisation.type)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Code</dt>
          <dd>
            <code>{organisation.code}</code>
          </dd>
        </div>
      </dl>
      <p>Check this is the organisation you mean before you give it permission.</p>
      <form
        noValidate
        aria-label={`Give ${organisation.name} permission`}
        onSubmit={(event) => {
          event.preventDefault();
          if (grant.isPending) return;
          const form = event.currentTarget;
          const sections = new FormData(form).getAll('sections').map(String) as RecordSectionName[];
          const { expiresOn = '' } = readForm(form);
          const fields: Partial<Record<string, string>> = {};
          if (sections.length === 0) fields.sections = 'Select what they can see';
          const expiryProblem = checkExpiry(expiresOn);
          if (expiryProblem) fields.expiresOn = expiryProblem;
          if (Object.keys(fields).length > 0) return fail({ fields });
          clear();
          grant.mutate(
            { organisationCode: organisation.code, sections, expiresOn },
            {
              onSuccess: () =>
                onGranted(
                  `${organisation.name} can now see your ${sectionsInWords(sections)} until the end of ${longDate(expiresOn)}.`,
                ),
              onError: (error) => fail(formErrorsFrom(error, ['sections', 'expiresOn'])),
            },
          );
        }}
      >
        <ErrorSummary
          formId={GRANT_FORM}
          errors={errors}
          order={['sections', 'expiresOn']}
          attempt={attempt}
        />
        <CheckboxesField
          formId={GRANT_FORM}
          name="sections"
          legend={`What can ${organisation.name} see?`}
          hint="Select all that apply."
          error={errors.fields.sections}
          options={RECORD_SECTIONS.map((section) => ({
            value: section,
            label: recordSectionLabels[section],
            hint: recordSectionHints[section],
          }))}
        />
        <TextField
          formId={GRANT_FORM}
          name="expiresOn"
          type="date"
          label="Last day they can see it"
          hint={
            <>
              90 days from today unless you change it, and at most 2 years: no later than{' '}
              <CalendarDate value={limits.latest} />. You can take permission back at any time.
            </>
          }
          error={errors.fields.expiresOn}
          defaultValue={limits.byDefault}
          min={limits.today}
          max={limits.latest}
        />
        <div className="button-group">
          <SubmitButton pending={grant.isPending} pendingText="Giving permission…">
            Give permission
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Choose another organisation
          </button>
        </div>
      </form>
    </>
  );
}

/** Active first, then the most recently granted. */
function ordered(permissions: readonly PermissionView[]): PermissionView[] {
  return [...permissions].sort(
    (a, b) => Number(b.active) - Number(a.active) || b.grantedAt.localeCompare(a.grantedAt),
  );
}

function PermissionList({ report }: { report: ReportOutcome }) {
  const query = usePermissions();
  return (
    <section aria-labelledby="permissions-title" className="section full-width">
      <h2 id="permissions-title">Permissions you have given</h2>
      <LoadedList query={query} loading="Loading your permissions…" what="your permissions">
        {(data) =>
          data.length === 0 ? (
            <p className="empty">You have not given any organisation permission to see your record.</p>
          ) : (
            <ScrollTable
              label="Permissions you have given"
              className="permissions-table"
              caption="Permissions you have given, active first"
              captionHidden
              head={[
                'Organisation',
                'Section',
                'Granted',
                'Expires',
                'Status',
                { label: 'Actions', hidden: true },
              ]}
            >
              {ordered(data).map((permission) => (
                <PermissionRow key={permission.id} permission={permission} report={report} />
              ))}
            </ScrollTable>
          )
        }
      </LoadedList>
    </section>
  );
}

const sectionName = (permission: PermissionView) =>
  (recordSectionLabels[permission.section] ?? permission.section).toLowerCase();

function PermissionRow({ permission, report }: { permission: PermissionView; report: ReportOutcome }) {
  const [open, setOpen] = useState<'change' | 'revoke' | null>(null);
  const section = recordSectionLabels[permission.section] ?? permission.section;
  const what = `${permission.organisation.name}: ${sectionName(permission)}`;
  const active = permissionStatus(permission) === 'active';
  return (
    <tr>
      <td className="table__break">
        {permission.organisation.name}
        <span className="secondary-text">
          {organisationType(permission.organisation.type)}, code {permission.organisation.code}
        </span>
      </td>
      <td>{section}</td>
      <td className="table__nowrap">
        <DateTime value={permission.grantedAt} />
      </td>
      <td className="table__nowrap">
        <DateTime value={permission.revokedAt ?? permission.expiresAt} />
        {permission.revokedAt && <span className="secondary-text">Revoked</span>}
      </td>
      <td>
        <PermissionStatusTag permission={permission} />
      </td>
      <td className="permissions-table__actions">
        {active && open === null && (
          <div className="button-group">
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Change expiry of ${what}`}
              onClick={() => setOpen('change')}
            >
              Change expiry
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Revoke ${what}`}
              onClick={() => setOpen('revoke')}
            >
              Revoke
            </button>
          </div>
        )}
        {active && open === 'change' && (
          <ChangeExpiry permission={permission} what={what} report={report} onClose={() => setOpen(null)} />
        )}
        {active && open === 'revoke' && (
          <ConfirmRevoke permission={permission} what={what} report={report} onClose={() => setOpen(null)} />
        )}
      </td>
    </tr>
  );
}

function ChangeExpiry({
  permission,
  what,
  report,
  onClose,
}: {
  permission: PermissionView;
  what: string;
  report: ReportOutcome;
  onClose: () => void;
}) {
  const change = useChangePermissionExpiry();
  const { errors, attempt, fail, clear } = useFormErrors();
  const formId = `change-expiry-${permission.id}`;
  const limits = expiryLimits();
  return (
    <form
      noValidate
      aria-label={`Change expiry of ${what}`}
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (change.isPending) return;
        const { expiresOn = '' } = readForm(event.currentTarget);
        const problem = checkExpiry(expiresOn);
        if (problem) return fail({ fields: { expiresOn: problem } });
        clear();
        change.mutateAsync({ id: permission.id, expiresOn }).then(
          () => {
            onClose();
            report(
              'success',
              `${permission.organisation.name} can now see your ${sectionName(permission)} until the end of ${longDate(expiresOn)}.`,
            );
          },
          (error: unknown) => fail(formErrorsFrom(error, ['expiresOn'])),
        );
      }}
    >
      <ErrorSummary formId={formId} errors={errors} order={['expiresOn']} attempt={attempt} />
      <TextField
        formId={formId}
        name="expiresOn"
        type="date"
        label="New last day"
        error={errors.fields.expiresOn}
        defaultValue={londonDate(permission.expiresAt)}
        min={limits.today}
        max={limits.latest}
        autoFocus
      />
      <div className="button-group">
        <SubmitButton pending={change.isPending} pendingText="Saving…">
          Save expiry
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ConfirmRevoke({
  permission,
  what,
  report,
  onClose,
}: {
  permission: PermissionView;
  what: string;
  report: ReportOutcome;
  onClose: () => void;
}) {
  const revoke = useRevokePermission();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmRef.current?.focus();
  }, []);
  return (
    <fieldset className="fieldset button-group">
      <legend className="confirm-text">
        Revoke {what}? {permission.organisation.name} will no longer see it.
      </legend>
      <button
        ref={confirmRef}
        type="button"
        className="button button--warning button--small"
        aria-disabled={revoke.isPending || undefined}
        onClick={() => {
          if (revoke.isPending) return;
          revoke.mutateAsync(permission.id).then(
            () => {
              onClose();
              report(
                'success',
                `Permission revoked. ${permission.organisation.name} can no longer see your ${sectionName(permission)}.`,
              );
            },
            (error: unknown) => report('error', formErrorsFrom(error, []).general ?? ''),
          );
        }}
      >
        {revoke.isPending ? 'Revoking…' : 'Yes, revoke it'}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={onClose}>
        Cancel
      </button>
    </fieldset>
  );
}
