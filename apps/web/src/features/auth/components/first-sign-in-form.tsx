import { useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary, SubmitButton, TextField, useFormErrors } from '@/components/ui/form';
import { paths } from '@/config/paths';
import {
  checkMemorableInformation,
  checkNewPassword,
  formErrorsFrom,
  MEMORABLE_INFORMATION_HINT,
  readForm,
  safeNext,
} from '@/lib/form-errors';
import { useFirstSignIn } from '../api/first-sign-in';
import { NewPasswordFields } from './new-password-fields';

const FORM_ID = 'first-sign-in';
const ORDER = ['newPassword', 'confirmPassword', 'memorableInformation'] as const;

/** Replaces the emailed password and sets memorable information; then on to `?next=` or home. */
export function FirstSignInForm() {
  const firstSignIn = useFirstSignIn();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const { errors, attempt, fail, clear } = useFormErrors();

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (firstSignIn.isPending) return;
        const values = readForm(event.currentTarget, ['newPassword', 'confirmPassword']);
        const fields: Record<string, string> = {};
        checkNewPassword(values, fields);
        const memorable = checkMemorableInformation(values.memorableInformation);
        if (memorable) fields.memorableInformation = memorable;
        if (Object.keys(fields).length > 0) return fail({ fields });
        clear();
        // A promise rather than `mutate` callbacks: the page changes as soon as `me` does.
        firstSignIn
          .mutateAsync({
            newPassword: values.newPassword ?? '',
            memorableInformation: values.memorableInformation ?? '',
          })
          .then(
            () => navigate(next ?? paths.home.getHref(), { replace: true }),
            (error: unknown) => fail(formErrorsFrom(error, ORDER)),
          );
      }}
    >
      <ErrorSummary formId={FORM_ID} errors={errors} order={ORDER} attempt={attempt} />
      <h2>Choose a new password</h2>
      <NewPasswordFields formId={FORM_ID} errors={errors} />
      <h2>Set your memorable information</h2>
      <p>If you forget your password, we will ask you for 3 characters of your memorable information.</p>
      <TextField
        formId={FORM_ID}
        name="memorableInformation"
        label="Memorable information"
        hint={MEMORABLE_INFORMATION_HINT}
        error={errors.fields.memorableInformation}
        autoComplete="off"
        spellCheck={false}
        className="input--width-20"
      />
      <SubmitButton pending={firstSignIn.isPending} pendingText="Saving…">
        Save and continue
      </SubmitButton>
    </form>
  );
}
