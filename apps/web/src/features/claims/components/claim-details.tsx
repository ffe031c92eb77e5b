import type { ClaimStatus, ClaimView, Role } from '@lar/shared/api';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadProblem } from '@/components/ui/access-problem';
import { DateTime } from '@/components/ui/date-time';
import {
  ErrorSummary,
  SubmitButton,
  SuccessBanner,
  TextareaField,
  useFormErrors,
} from '@/components/ui/form';
import { levelName } from '@/components/ui/format';
import { UnitsUsed } from '@/components/ui/units-used';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { formErrorsFrom, readForm } from '@/lib/form-errors';
import { type ClaimAction, useClaimAction } from '../api/claim-actions';
import { useClaim } from '../api/get-claim';
import { ClaimStatusTag } from './format';

const ACTIONS_FORM = 'claim-action';

/** What each role may do in each status (the API checks it again). */
export function actionsFor(role: Role | undefined, status: ClaimStatus): ClaimAction[] {
  if (role === 'centre') {
    if (status === 'POSSIBLE') return ['submit', 'withdraw'];
    if (status === 'SUBMITTED' || status === 'NO_LONGER_ACHIEVABLE') return ['withdraw'];
  }
  if (role === 'awarding_organisation' && status === 'SUBMITTED') return ['award', 'reject'];
  return [];
}

/** What a success says, with the claim in its new status. */
function successText(action: ClaimAction, claim: ClaimView): string {
  switch (action) {
    case 'submit':
      return `Claim submitted to ${claim.qualification.awardingOrganisation}. LAR emails your centre when they decide.`;
    case 'withdraw':
      return 'Claim withdrawn.';
    case 'award':
      return `Qualification awarded. ${claim.qualification.title} is now on ${claim.learner.name}’s record, and the centre has been told.`;
    case 'reject':
      return 'Claim rejected. The centre has been told your reason.';
  }
}

/** A claim: who, what, its status and dates, the units that achieve it, and what the viewer can do. */
export function ClaimDetails({ id, role }: { id: string; role: Role }) {
  const query = useClaim(id);
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);

  if (query.isPending) {
    return (
      <>
        <h1>Claim</h1>
        <p role="status" className="loading">
          Loading the claim…
        </p>
      </>
    );
  }
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <>
          <h1>Claim not found</h1>
          <p>We cannot find this claim. It may belong to another organisation, or the link may be wrong.</p>
          <p>
            <Link to={paths.claims.getHref()}>See your claims</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <h1>Claim</h1>
        <LoadProblem
          error={query.error}
          what="this claim"
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </>
    );
  }

  const claim = query.data;
  return (
    <>
      {done && (
        <SuccessBanner key={done.n} polite title="Done">
          {done.text}
        </SuccessBanner>
      )}
      <span className="caption">Claim for {claim.learner.name}</span>
      <h1 className="break-words">{claim.qualification.title}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Status</dt>
          <dd>
            <ClaimStatusTag status={claim.status} />
          </dd>
        </div>
        {claim.reason && (
          <div className="summary-list__row">
            <dt>{claim.status === 'REJECTED' ? 'Reason for rejecting' : 'Reason'}</dt>
            <dd className="pre-line">{claim.reason}</dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>Learner</dt>
          <dd>
            {claim.learner.name}
            <span className="secondary-text">
              ULN <code>{claim.learner.uln}</code>
            </span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Qualification</dt>
          <dd>
            {claim.qualification.title}
            <span className="secondary-text">
              QAN <code>{claim.qualification.qan}</code>, {levelName(claim.qualification.level)}, rules
              version {claim.qualification.version}
            </span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Awarding organisation</dt>
          <dd>{claim.qualification.awardingOrganisation}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Centre</dt>
          <dd>
            {claim.centre.name}
            <span className="secondary-text">Centre code {claim.centre.code}</span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Last checked</dt>
          <dd>
            <DateTime value={claim.evaluatedAt} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Submitted</dt>
          <dd>
            <DateTime value={claim.submittedAt} fallback="Not yet" />
          </dd>
        </div>
        {claim.decidedAt && (
          <div className="summary-list__row">
            <dt>{claim.status === 'WITHDRAWN' ? 'Withdrawn' : 'Decided'}</dt>
            <dd>
              <DateTime value={claim.decidedAt} />
            </dd>
          </div>
        )}
      </dl>

      <h2>Units that achieve it</h2>
      <p>The units {claim.learner.name} has achieved that meet the rules of combination, group by group.</p>
      <UnitsUsed groups={claim.unitsUsed} countedCredits={claim.countedCredits} />

      <Actions
        claim={claim}
        role={role}
        onStart={() => setDone(null)}
        onDone={(text) => setDone((previous) => ({ n: (previous?.n ?? 0) + 1, text }))}
      />
    </>
  );
}

function noActionText(role: Role, status: ClaimStatus): string {
  if (status === 'AWARDED') return 'The qualification has been awarded. There is nothing more to do.';
  if (status === 'REJECTED') return 'The claim was rejected. There is nothing more to do.';
  if (status === 'WITHDRAWN') return 'The claim was withdrawn. There is nothing more to do.';
  if (role === 'centre') return 'There is nothing to do at the moment.';
  return 'The centre has not submitted this claim.';
}

/** The actions the viewer's role allows in the claim's status, with a 409 or other failure shown above them. */
function Actions({
  claim,
  role,
  onStart,
  onDone,
}: {
  claim: ClaimView;
  role: Role;
  onStart: () => void;
  onDone: (text: string) => void;
}) {
  const action = useClaimAction();
  const { errors, attempt, fail, clear } = useFormErrors();
  const [open, setOpen] = useState<'withdraw' | 'reject' | null>(null);
  const allowed = actionsFor(role, claim.status);

  const run = (next: ClaimAction, reason?: string) => {
    if (action.isPending) return;
    clear();
    onStart();
    action.mutateAsync({ id: claim.id, action: next, reason }).then(
      (updated) => {
        setOpen(null);
        onDone(successText(next, updated));
      },
      (error: unknown) => {
        // The status changed meanwhile: say why (the claim is fetched again and shows its status).
        if (error instanceof ApiError && (error.status === 409 || error.status === 403))
          return fail({ fields: {}, general: error.message });
        fail(formErrorsFrom(error, ['reason']));
      },
    );
  };

  return (
    <section aria-labelledby="claim-actions-title" className="section">
      <h2 id="claim-actions-title">
        {role === 'awarding_organisation' ? 'Your decision' : 'What you can do'}
      </h2>
      <ErrorSummary formId={ACTIONS_FORM} errors={errors} order={['reason']} attempt={attempt} />
      {allowed.length === 0 ? (
        <p>{noActionText(role, claim.status)}</p>
      ) : (
        <>
          {allowed.includes('submit') && (
            <p>
              Submit the claim when you have checked it. {claim.qualification.awardingOrganisation} then
              awards the qualification or rejects the claim with a reason.
            </p>
          )}
          {role === 'centre' && claim.status === 'SUBMITTED' && (
            <p>
              {claim.qualification.awardingOrganisation} is deciding on the claim. You can withdraw it until
              they do.
            </p>
          )}
          {role === 'centre' && claim.status === 'NO_LONGER_ACHIEVABLE' && (
            <p>The learner no longer meets the rules. Withdraw the claim to close it.</p>
          )}
          {allowed.includes('award') && (
            <p>
              Award the qualification to put it on the learner’s record with these units, or reject the claim
              with a reason the centre reads.
            </p>
          )}
          <div className="button-group">
            {allowed.includes('submit') && (
              <button
                type="button"
                className="button"
                aria-disabled={action.isPending || undefined}
                onClick={() => run('submit')}
              >
                {action.isPending && action.variables?.action === 'submit' ? 'Submitting…' : 'Submit claim'}
              </button>
            )}
            {allowed.includes('award') && (
              <button
                type="button"
                className="button"
                aria-disabled={action.isPending || undefined}
                onClick={() => run('award')}
              >
                {action.isPending && action.variables?.action === 'award'
                  ? 'Awarding…'
                  : 'Award qualification'}
              </button>
            )}
            {allowed.includes('withdraw') && (
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={open === 'withdraw'}
                aria-controls={open === 'withdraw' ? 'withdraw-claim' : undefined}
                onClick={() => setOpen((current) => (current === 'withdraw' ? null : 'withdraw'))}
              >
                Withdraw claim
              </button>
            )}
            {allowed.includes('reject') && (
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={open === 'reject'}
                aria-controls={open === 'reject' ? `${ACTIONS_FORM}-form` : undefined}
                onClick={() => setOpen((current) => (current === 'reject' ? null : 'reject'))}
              >
                Reject claim
              </button>
            )}
          </div>
          {open === 'withdraw' && allowed.includes('withdraw') && (
            <div id="withdraw-claim" className="inline-form">
              <p className="confirm-text">
                Withdraw this claim? {claim.learner.name} keeps their units, but this claim cannot be
                submitted again.
              </p>
              <div className="button-group">
                <button
                  type="button"
                  className="button button--warning"
                  aria-disabled={action.isPending || undefined}
                  onClick={() => run('withdraw')}
                >
                  {action.isPending && action.variables?.action === 'withdraw'
                    ? 'Withdrawing…'
                    : 'Yes, withdraw claim'}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
          {open === 'reject' && allowed.includes('reject') && (
            <form
              id={`${ACTIONS_FORM}-form`}
              noValidate
              className="inline-form"
              aria-label="Reject the claim"
              onSubmit={(event) => {
                event.preventDefault();
                const { reason = '' } = readForm(event.currentTarget);
                if (!reason) return fail({ fields: { reason: 'Enter why you are rejecting the claim' } });
                if (reason.length > 1000)
                  return fail({ fields: { reason: 'The reason must be 1,000 characters or fewer' } });
                run('reject', reason);
              }}
            >
              <TextareaField
                formId={ACTIONS_FORM}
                name="reason"
                label="Why are you rejecting the claim?"
                hint="The centre reads this in an email and on the claim. Up to 1,000 characters."
                error={errors.fields.reason}
                rows={4}
                maxLength={1000}
                autoFocus
              />
              <div className="button-group">
                <SubmitButton pending={action.isPending} pendingText="Rejecting…">
                  Reject claim
                </SubmitButton>
                <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
                  Cancel
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}
