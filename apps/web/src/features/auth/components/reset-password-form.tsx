import { Link } from 'react-router';
import { ErrorSummary, fieldId, SubmitButton, SuccessBanner, useFormErrors } from '@/components/ui/form';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { checkNewPassword, formErrorsFrom, readForm } from '@/lib/form-errors';
import {
  type AccountKind,
  rememberedResetKind,
  useCompletePasswordReset,
  usePasswordResetChallenge,
} from '../api/password-reset';
import { NewPasswordFields } from './new-password-fields';

const FORM_ID = 'reset-password';

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** "the 2nd, 5th and 7th characters" */
function positionsInWords(positions: number[]): string {
  const words = positions.map(ordinal);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}

const isTokenInvalid = (error: unknown) => error instanceof ApiError && error.code === 'TOKEN_INVALID';

function LinkExpired() {
  return (
    <>
      <h1>This link has expired</h1>
      <p>The link to reset your password has expired or has already been used.</p>
      <p>
        <Link to={paths.forgottenPassword.getHref()}>Ask for a new link</Link>
      </p>
    </>
  );
}

function SignInLinks({ kind }: { kind?: AccountKind }) {
  if (kind === 'learner') return <Link to={paths.learnerSignIn.getHref()}>Sign in with your ULN</Link>;
  if (kind === 'user') return <Link to={paths.signIn.getHref()}>Sign in with your User ID</Link>;
  return (
    <ul className="list-bullet">
      <li>
        <Link to={paths.signIn.getHref()}>Sign in with your User ID</Link> (organisations)
      </li>
      <li>
        <Link to={paths.learnerSignIn.getHref()}>Sign in with your ULN</Link> (learners)
      </li>
    </ul>
  );
}

/** Loads which characters to ask for, then sets the new password. */
export function ResetPassword({ token }: { token: string }) {
  const challenge = usePasswordResetChallenge(token);
  if (!token) return <LinkExpired />;
  if (challenge.isPending) {
    return (
      <>
        <h1>Reset your password</h1>
        <p role="status" className="loading">
          Checking your link…
        </p>
      </>
    );
  }
  if (challenge.isError) {
    if (isTokenInvalid(challenge.error)) return <LinkExpired />;
    return (
      <>
        <h1>Reset your password</h1>
        <p role="alert">Sorry, there is a problem with the service. Try again later.</p>
      </>
    );
  }
  return (
    <ResetPasswordForm
      token={token}
      positions={challenge.data.positions}
      kind={challenge.data.kind ?? rememberedResetKind()}
    />
  );
}

function ResetPasswordForm({
  token,
  positions,
  kind,
}: {
  token: string;
  positions: number[];
  kind?: AccountKind;
}) {
  const complete = useCompletePasswordReset();
  const { errors, attempt, fail, clear } = useFormErrors();
  const characterNames = positions.map((_, index) => `character${index + 1}`);
  const order = [...characterNames, 'newPassword', 'confirmPassword'];

  if (complete.isSuccess) {
    return (
      <>
        <h1>Your password has been reset</h1>
        <SuccessBanner>You can now sign in with your new password.</SuccessBanner>
        <SignInLinks kind={kind} />
      </>
    );
  }
  if (complete.isError && isTokenInvalid(complete.error)) return <LinkExpired />;

  const legend = `Enter the ${positionsInWords(positions)} characters of your memorable information`;
  const charactersError = characterNames.map((name) => errors.fields[name]).find(Boolean);

  return (
    <>
      <h1>Reset your password</h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (complete.isPending) return;
          const values = readForm(event.currentTarget, [...characterNames, 'newPassword', 'confirmPassword']);
          const fields: Record<string, string> = {};
          characterNames.forEach((name, index) => {
            const value = values[name] ?? '';
            if (value.length !== 1) {
              fields[name] =
                `Enter the ${ordinal(positions[index] ?? 0)} character of your memorable information`;
            }
          });
          checkNewPassword(values, fields);
          if (Object.keys(fields).length > 0) return fail({ fields });
          clear();
          complete.mutate(
            {
              token,
              characters: characterNames.map((name) => values[name] ?? ''),
              newPassword: values.newPassword ?? '',
            },
            {
              onError: (error) => {
                if (error instanceof ApiError && error.code === 'MEMORABLE_INFORMATION_MISMATCH') {
                  const first = characterNames[0] ?? 'character1';
                  return fail({
                    fields: { [first]: 'The characters you entered do not match your memorable information' },
                  });
                }
                fail(formErrorsFrom(error, order));
              },
            },
          );
        }}
      >
        <ErrorSummary formId={FORM_ID} errors={errors} order={order} attempt={attempt} />
        <div className={`form-group${charactersError ? ' form-group--error' : ''}`}>
          <fieldset
            className="fieldset"
            aria-describedby={charactersError ? `${FORM_ID}-characters-error` : undefined}
          >
            <legend className="fieldset__legend">{legend}</legend>
            {charactersError && (
              <p id={`${FORM_ID}-characters-error`} className="error-message">
                <span className="visually-hidden">Error:</span> {charactersError}
              </p>
            )}
            <div className="character-inputs">
              {positions.map((position, index) => {
                const name = characterNames[index] ?? `character${index + 1}`;
                const id = fieldId(FORM_ID, name);
                return (
                  <div key={name} className="character-inputs__item">
                    <label className="label" htmlFor={id}>
                      {`${ordinal(position)} character`}
                    </label>
                    <input
                      id={id}
                      name={name}
                      type="password"
                      maxLength={1}
                      autoComplete="off"
                      spellCheck={false}
                      autoCapitalize="none"
                      className={`input input--char${errors.fields[name] ? ' input--error' : ''}`}
                      aria-invalid={errors.fields[name] ? true : undefined}
                    />
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        <NewPasswordFields formId={FORM_ID} errors={errors} />
        <SubmitButton pending={complete.isPending} pendingText="Resetting…">
          Reset password
        </SubmitButton>
      </form>
    </>
  );
}
