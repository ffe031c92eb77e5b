import { useSearchParams } from 'react-router';
import {
  ErrorSummary,
  RadiosField,
  SubmitButton,
  SuccessBanner,
  TextField,
  useFormErrors,
} from '@/components/ui/form';
import { formErrorsFrom, readForm } from '@/lib/form-errors';
import { type AccountKind, useRequestPasswordReset } from '../api/password-reset';

const FORM_ID = 'forgotten-password';
const ORDER = ['kind', 'signInId'] as const;

/** Asks for a reset link. The answer is the same whether or not the account exists. */
export function ForgottenPasswordForm() {
  const reset = useRequestPasswordReset();
  const [searchParams] = useSearchParams();
  const preset = searchParams.get('kind');
  const { errors, attempt, fail, clear } = useFormErrors();

  if (reset.isSuccess) {
    return (
      <SuccessBanner title="Check your email">
        <p>{reset.data?.message || 'If the account exists, we have emailed a link to reset its password.'}</p>
        <p>The link works once and for a limited time. If you do not get an email, check your spam folder.</p>
      </SuccessBanner>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (reset.isPending) return;
        const values = readForm(event.currentTarget);
        const fields: Record<string, string> = {};
        const kind = values.kind as AccountKind | undefined;
        if (kind !== 'user' && kind !== 'learner') fields.kind = 'Select who you are';
        if (!values.signInId) fields.signInId = 'Enter your User ID or ULN';
        if (Object.keys(fields).length > 0 || !kind) return fail({ fields });
        clear();
        reset.mutate(
          { kind, signInId: values.signInId ?? '' },
          { onError: (error) => fail(formErrorsFrom(error, ORDER)) },
        );
      }}
    >
      <ErrorSummary formId={FORM_ID} errors={errors} order={ORDER} attempt={attempt} />
      <RadiosField
        formId={FORM_ID}
        name="kind"
        legend="Who are you?"
        error={errors.fields.kind}
        defaultValue={preset === 'user' || preset === 'learner' ? preset : undefined}
        options={[
          { value: 'user', label: 'I work for an organisation', hint: 'You sign in with a User ID' },
          {
            value: 'learner',
            label: 'I am a learner',
            hint: 'You sign in with your unique learner number (ULN)',
          },
        ]}
      />
      <TextField
        formId={FORM_ID}
        name="signInId"
        label="User ID or unique learner number (ULN)"
        error={errors.fields.signInId}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        className="input--width-20"
      />
      <SubmitButton pending={reset.isPending} pendingText="Sending…">
        Send me a reset link
      </SubmitButton>
    </form>
  );
}
