import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary, SubmitButton, TextField, useFormErrors } from '@/components/ui/form';
import { paths } from '@/config/paths';
import { formErrorsFrom, readForm, safeNext } from '@/lib/form-errors';
import { useSignIn } from '../api/sign-in';

const FORM_ID = 'sign-in';

/** Organisation users sign in with their User ID, learners with their ULN; then go to `?next=` or home. */
export function SignInForm({ kind }: { kind: 'user' | 'learner' }) {
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const { errors, attempt, fail, clear } = useFormErrors();
  const idName = kind === 'learner' ? 'uln' : 'userId';

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (signIn.isPending) return;
        const values = readForm(event.currentTarget, ['password']);
        const fields: Record<string, string> = {};
        if (!values[idName]) {
          fields[idName] =
            kind === 'learner' ? 'Enter your unique learner number (ULN)' : 'Enter your User ID';
        }
        if (!values.password) fields.password = 'Enter your password';
        if (Object.keys(fields).length > 0) return fail({ fields });
        clear();
        const input =
          kind === 'learner'
            ? { kind, uln: values.uln ?? '', password: values.password ?? '' }
            : { kind, userId: values.userId ?? '', password: values.password ?? '' };
        // A promise rather than `mutate` callbacks, which would be lost if the page re-renders away first.
        signIn.mutateAsync(input).then(
          (me) => {
            if (me.mustChangePassword) navigate(paths.firstSignIn.getHref(next), { replace: true });
            else navigate(next ?? paths.home.getHref(), { replace: true });
          },
          (error: unknown) => fail(formErrorsFrom(error, [idName, 'password'])),
        );
      }}
    >
      <ErrorSummary formId={FORM_ID} errors={errors} order={[idName, 'password']} attempt={attempt} />
      {kind === 'learner' ? (
        <TextField
          formId={FORM_ID}
          name="uln"
          label="Unique learner number (ULN)"
          hint="10 digits, for example 1234567890. It is in the email LAR sent you when your centre registered you."
          error={errors.fields.uln}
          autoComplete="username"
          inputMode="numeric"
          spellCheck={false}
          className="input--width-10"
        />
      ) : (
        <TextField
          formId={FORM_ID}
          name="userId"
          label="User ID"
          hint="It is in the email we sent when your account was approved."
          error={errors.fields.userId}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          className="input--width-20"
        />
      )}
      <TextField
        formId={FORM_ID}
        name="password"
        type="password"
        label="Password"
        error={errors.fields.password}
        autoComplete="current-password"
        className="input--width-20"
      />
      <SubmitButton pending={signIn.isPending} pendingText="Signing in…">
        Sign in
      </SubmitButton>
      <p>
        <Link to={paths.forgottenPassword.getHref(kind)}>Forgotten your password?</Link>
      </p>
    </form>
  );
}
