import type { Me } from '@lar/shared/api';
import { type ReactNode, useState } from 'react';
import { ErrorSummary, SubmitButton, SuccessBanner, TextField, useFormErrors } from '@/components/ui/form';
import {
  checkMemorableInformation,
  checkNewPassword,
  formErrorsFrom,
  MEMORABLE_INFORMATION_HINT,
  readForm,
} from '@/lib/form-errors';
import { useChangeEmail } from '../api/change-email';
import { useChangeMemorableInformation } from '../api/change-memorable-information';
import { useChangePassword } from '../api/change-password';
import { NewPasswordFields } from './new-password-fields';

const roleNames: Record<Me['role'], string> = {
  learner: 'Learner',
  centre: 'Centre',
  third_party: 'Employer or other provider',
  awarding_organisation: 'Awarding organisation',
  administrator: 'Service desk',
};

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The signed-in person's details and the three things they can change. Learners have no organisation. */
export function Profile({ me }: { me: Me }) {
  return (
    <>
      <h2>Your details</h2>
      <dl className="summary-list">
        <Row term="Name">{me.name}</Row>
        <Row term={me.kind === 'learner' ? 'Unique learner number (ULN)' : 'User ID'}>{me.signInId}</Row>
        <Row term="Email address">{me.email ?? 'None'}</Row>
        {me.kind !== 'learner' && (
          <>
            <Row term="Account type">{roleNames[me.role]}</Row>
            {me.organisation && (
              <Row term="Organisation">
                {me.organisation.name}
                <span className="secondary-text">{me.organisation.code}</span>
              </Row>
            )}
          </>
        )}
        <Row term="Memorable information">{me.hasMemorableInformation ? 'Set' : 'Not set'}</Row>
      </dl>
      <ChangePasswordForm />
      <ChangeMemorableInformationForm hasMemorableInformation={me.hasMemorableInformation} />
      <ChangeEmailForm />
    </>
  );
}

function CurrentPassword({ formId, error }: { formId: string; error?: string }) {
  return (
    <TextField
      formId={formId}
      name="currentPassword"
      type="password"
      label="Current password"
      error={error}
      autoComplete="current-password"
      className="input--width-20"
    />
  );
}

const currentPasswordMessages = { CURRENT_PASSWORD_WRONG: 'Your current password is not right' };

function ChangePasswordForm() {
  const FORM_ID = 'change-password';
  const ORDER = ['currentPassword', 'newPassword', 'confirmPassword'];
  const change = useChangePassword();
  const [done, setDone] = useState(0);
  const { errors, attempt, fail, clear } = useFormErrors();
  return (
    <section aria-labelledby={`${FORM_ID}-title`} className="section">
      <h2 id={`${FORM_ID}-title`}>Change your password</h2>
      {done > 0 && <SuccessBanner key={done}>Your password has been changed.</SuccessBanner>}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (change.isPending) return;
          const form = event.currentTarget;
          const values = readForm(form, ORDER);
          const fields: Record<string, string> = {};
          if (!values.currentPassword) fields.currentPassword = 'Enter your current password';
          checkNewPassword(values, fields);
          if (Object.keys(fields).length > 0) return fail({ fields });
          clear();
          change.mutate(
            { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' },
            {
              onSuccess: () => {
                form.reset();
                setDone((n) => n + 1);
              },
              onError: (error) => {
                setDone(0);
                fail(formErrorsFrom(error, ORDER, currentPasswordMessages));
              },
            },
          );
        }}
      >
        <ErrorSummary formId={FORM_ID} errors={errors} order={ORDER} attempt={attempt} />
        <CurrentPassword formId={FORM_ID} error={errors.fields.currentPassword} />
        <NewPasswordFields formId={FORM_ID} errors={errors} />
        <SubmitButton pending={change.isPending} pendingText="Changing…">
          Change password
        </SubmitButton>
      </form>
    </section>
  );
}

function ChangeMemorableInformationForm({ hasMemorableInformation }: { hasMemorableInformation: boolean }) {
  const FORM_ID = 'change-memorable-information';
  const ORDER = ['currentPassword', 'memorableInformation'];
  const change = useChangeMemorableInformation();
  const [done, setDone] = useState(0);
  const { errors, attempt, fail, clear } = useFormErrors();
  const title = hasMemorableInformation
    ? 'Change your memorable information'
    : 'Set your memorable information';
  return (
    <section aria-labelledby={`${FORM_ID}-title`} className="section">
      <h2 id={`${FORM_ID}-title`}>{title}</h2>
      {done > 0 && <SuccessBanner key={done}>Your memorable information has been saved.</SuccessBanner>}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (change.isPending) return;
          const form = event.currentTarget;
          const values = readForm(form, ['currentPassword']);
          const fields: Record<string, string> = {};
          if (!values.currentPassword) fields.currentPassword = 'Enter your current password';
          const memorable = checkMemorableInformation(values.memorableInformation);
          if (memorable) fields.memorableInformation = memorable;
          if (Object.keys(fields).length > 0) return fail({ fields });
          clear();
          change.mutate(
            {
              currentPassword: values.currentPassword ?? '',
              memorableInformation: values.memorableInformation ?? '',
            },
            {
              onSuccess: () => {
                form.reset();
                setDone((n) => n + 1);
              },
              onError: (error) => {
                setDone(0);
                fail(formErrorsFrom(error, ORDER, currentPasswordMessages));
              },
            },
          );
        }}
      >
        <ErrorSummary formId={FORM_ID} errors={errors} order={ORDER} attempt={attempt} />
        <CurrentPassword formId={FORM_ID} error={errors.fields.currentPassword} />
        <TextField
          formId={FORM_ID}
          name="memorableInformation"
          label="New memorable information"
          hint={MEMORABLE_INFORMATION_HINT}
          error={errors.fields.memorableInformation}
          autoComplete="off"
          spellCheck={false}
          className="input--width-20"
        />
        <SubmitButton pending={change.isPending} pendingText="Saving…">
          Save memorable information
        </SubmitButton>
      </form>
    </section>
  );
}

function ChangeEmailForm() {
  const FORM_ID = 'change-email';
  const ORDER = ['currentPassword', 'newEmail'];
  const change = useChangeEmail();
  const [sent, setSent] = useState<{ n: number; message: string } | null>(null);
  const { errors, attempt, fail, clear } = useFormErrors();
  return (
    <section aria-labelledby={`${FORM_ID}-title`} className="section">
      <h2 id={`${FORM_ID}-title`}>Change your email address</h2>
      {sent && (
        <SuccessBanner key={sent.n} title="Check your new inbox">
          <p>{sent.message}</p>
          <p>Your email address changes when you follow the link in that email.</p>
        </SuccessBanner>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (change.isPending) return;
          const form = event.currentTarget;
          const values = readForm(form, ['currentPassword']);
          const fields: Record<string, string> = {};
          if (!values.currentPassword) fields.currentPassword = 'Enter your current password';
          if (!values.newEmail) fields.newEmail = 'Enter your new email address';
          else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.newEmail)) {
            fields.newEmail = 'Enter an email address in the correct format, like name@example.com';
          }
          if (Object.keys(fields).length > 0) return fail({ fields });
          clear();
          const newEmail = values.newEmail ?? '';
          change.mutate(
            { currentPassword: values.currentPassword ?? '', newEmail },
            {
              onSuccess: (answer) => {
                form.reset();
                setSent((previous) => ({
                  n: (previous?.n ?? 0) + 1,
                  message:
                    answer?.message ||
                    `We have sent a link to ${newEmail} to confirm your new email address.`,
                }));
              },
              onError: (error) => {
                setSent(null);
                fail(formErrorsFrom(error, ORDER, currentPasswordMessages));
              },
            },
          );
        }}
      >
        <ErrorSummary formId={FORM_ID} errors={errors} order={ORDER} attempt={attempt} />
        <CurrentPassword formId={FORM_ID} error={errors.fields.currentPassword} />
        <TextField
          formId={FORM_ID}
          name="newEmail"
          type="email"
          label="New email address"
          hint="We will send a link to this address to check it is yours."
          error={errors.fields.newEmail}
          autoComplete="email"
          spellCheck={false}
          className="input--width-30"
        />
        <SubmitButton pending={change.isPending} pendingText="Sending…">
          Change email address
        </SubmitButton>
      </form>
    </section>
  );
}
