import { useEffect, useRef, useState } from 'react';
import { LoadedList } from '@/components/ui/access-problem';
import { ActionOutcome, type ReportOutcome, useActionOutcome } from '@/components/ui/action-outcome';
import { DateTime } from '@/components/ui/date-time';
import { ErrorSummary, SubmitButton, TextField, useFormErrors } from '@/components/ui/form';
import { formErrorsFrom, readForm } from '@/lib/form-errors';
import { type NewApiToken, useCreateApiToken } from '../api/create-api-token';
import { type ApiToken, useApiTokens } from '../api/get-api-tokens';
import { useRevokeApiToken } from '../api/revoke-api-token';

/** The organisation user's API tokens: create one (its secret shown once), list them, revoke one. */
export function ApiTokens() {
  const tokens = useApiTokens();
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const { outcome, report, clear } = useActionOutcome();

  return (
    <>
      <ActionOutcome outcome={outcome} formId="api-token-action" />
      {created ? (
        <NewTokenPanel
          token={created}
          onDone={() => {
            setCreated(null);
          }}
        />
      ) : (
        <CreateTokenForm
          onCreated={(token) => {
            clear();
            setCreated(token);
          }}
        />
      )}
      <h2>Your tokens</h2>
      <LoadedList query={tokens} loading="Loading tokens…" what="API tokens">
        {(data) =>
          data.length === 0 ? (
            <p className="empty">You have no API tokens.</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Your API tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((token) => (
                  <TokenRow key={token.id} token={token} report={report} />
                ))}
              </tbody>
            </table>
          )
        }
      </LoadedList>
    </>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: NewApiToken) => void }) {
  const FORM_ID = 'create-api-token';
  const create = useCreateApiToken();
  const { errors, attempt, fail, clear } = useFormErrors();
  return (
    <section aria-labelledby={`${FORM_ID}-title`}>
      <h2 id={`${FORM_ID}-title`}>Create a token</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (create.isPending) return;
          const { name = '' } = readForm(event.currentTarget);
          if (!name) return fail({ fields: { name: 'Enter a name for the token' } });
          if (name.length > 100)
            return fail({ fields: { name: 'The name must be 100 characters or fewer' } });
          clear();
          create.mutate(
            { name },
            { onSuccess: onCreated, onError: (error) => fail(formErrorsFrom(error, ['name'])) },
          );
        }}
      >
        <ErrorSummary formId={FORM_ID} errors={errors} order={['name']} attempt={attempt} />
        <TextField
          formId={FORM_ID}
          name="name"
          label="Token name"
          hint="Say what uses it, for example “Results system (live)”."
          error={errors.fields.name}
          autoComplete="off"
          className="input--width-30"
        />
        <SubmitButton pending={create.isPending} pendingText="Creating…">
          Create token
        </SubmitButton>
      </form>
    </section>
  );
}

/** The secret, once: a copy button, a warning, and "Done" which forgets it. */
function NewTokenPanel({ token, onDone }: { token: NewApiToken; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="token-panel" aria-labelledby="new-token-title">
      <h2 id="new-token-title" ref={heading} tabIndex={-1}>
        Your new token “{token.name}”
      </h2>
      <div className="warning-text">
        <span className="warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="warning-text__text">
          <span className="visually-hidden">Warning: </span>
          Copy this token now. You will not be able to see it again. Keep it secret: anyone with it can record
          achievements for your organisation.
        </strong>
      </div>
      <p>
        <label className="label" htmlFor="new-token-value">
          Token
        </label>
        <input
          id="new-token-value"
          className="input input--code"
          readOnly
          value={token.token}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
      </p>
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const clipboard = navigator.clipboard;
            if (!clipboard) return setCopied('no');
            clipboard.writeText(token.token).then(
              () => setCopied('yes'),
              () => setCopied('no'),
            );
          }}
        >
          Copy token
        </button>
        <button type="button" className="button" onClick={onDone}>
          I have copied the token
        </button>
      </div>
      <p aria-live="polite" className="hint">
        {copied === 'yes'
          ? 'Token copied.'
          : copied === 'no'
            ? 'Could not copy: select the token and copy it.'
            : ''}
      </p>
    </section>
  );
}

function TokenRow({ token, report }: { token: ApiToken; report: ReportOutcome }) {
  const revoke = useRevokeApiToken();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  return (
    <tr>
      <td className="table__break">{token.name}</td>
      <td className="table__nowrap">
        <DateTime value={token.createdAt} />
      </td>
      <td className="table__nowrap">
        <DateTime value={token.lastUsedAt} />
      </td>
      <td>
        {confirming ? (
          <fieldset className="fieldset button-group">
            <legend className="confirm-text">
              Revoke “{token.name}”? Systems using it will stop working.
            </legend>
            <button
              ref={confirmRef}
              type="button"
              className="button button--warning"
              aria-disabled={revoke.isPending || undefined}
              onClick={() => {
                if (revoke.isPending) return;
                // A promise rather than `mutate` callbacks: the row leaves the list when it refreshes.
                revoke.mutateAsync(token.id).then(
                  () => report('success', `The token “${token.name}” is revoked.`),
                  (error: unknown) => report('error', formErrorsFrom(error, []).general ?? ''),
                );
              }}
            >
              {revoke.isPending ? 'Revoking…' : 'Yes, revoke it'}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </fieldset>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            aria-label={`Revoke “${token.name}”`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
