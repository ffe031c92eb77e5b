import type { AccountRequest, AccountRequestInput } from '@lar/shared/api';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import {
  ErrorSummary,
  RadiosField,
  SubmitButton,
  TextareaField,
  TextField,
  useFormErrors,
} from '@/components/ui/form';
import { paths } from '@/config/paths';
import { formErrorsFrom, readForm } from '@/lib/form-errors';
import { useCreateAccountRequest } from '../api/create-account-request';

const FORM_ID = 'request-access';
const ORDER = [
  'fullName',
  'email',
  'organisationType',
  'centreCode',
  'organisationName',
  'address',
  'phone',
] as const satisfies readonly (keyof AccountRequestInput)[];

export const organisationTypeLabels: Record<AccountRequestInput['organisationType'], string> = {
  CENTRE: 'Centre or learning provider',
  THIRD_PARTY: 'Employer or other provider',
  AWARDING_ORGANISATION: 'Awarding organisation',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function check(values: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!values.fullName) fields.fullName = 'Enter your full name';
  if (!values.email) fields.email = 'Enter your email address';
  else if (!EMAIL.test(values.email)) {
    fields.email = 'Enter an email address in the correct format, like name@example.com';
  }
  if (!values.organisationType) fields.organisationType = 'Select the type of organisation';
  const code = (values.centreCode ?? '').replace(/\s+/g, '');
  if (!code) fields.centreCode = 'Enter your organisation’s UKPRN or NCN';
  else if (!/^(\d{8}|\d{5})$/.test(code)) {
    fields.centreCode = 'Enter a UKPRN of 8 digits or an NCN of 5 digits';
  }
  if (!values.organisationName) fields.organisationName = 'Enter the name of your organisation';
  if (!values.address) fields.address = 'Enter your organisation’s address';
  if (!values.phone) fields.phone = 'Enter a telephone number';
  return fields;
}

/** The public form to ask for an organisation account, then what happens next. */
export function RequestAccess() {
  const create = useCreateAccountRequest();
  const { errors, attempt, fail, clear } = useFormErrors();

  if (create.isSuccess) return <RequestSent request={create.data} />;

  return (
    <>
      <h1>Request access</h1>
      <p className="lead">
        Ask for an account for your organisation. The service desk checks every request, usually within 2
        working days.
      </p>
      <p>
        Learners do not need to ask: your centre registers you and LAR emails you a password.{' '}
        <Link to={paths.learnerSignIn.getHref()}>Sign in as a learner</Link>.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (create.isPending) return;
          const values = readForm(event.currentTarget);
          const fields = check(values);
          if (Object.keys(fields).length > 0) return fail({ fields });
          clear();
          create.mutate(
            {
              fullName: values.fullName ?? '',
              email: values.email ?? '',
              organisationType: values.organisationType as AccountRequestInput['organisationType'],
              centreCode: (values.centreCode ?? '').replace(/\s+/g, ''),
              organisationName: values.organisationName ?? '',
              address: values.address ?? '',
              phone: values.phone ?? '',
            },
            { onError: (error) => fail(formErrorsFrom(error, ORDER)) },
          );
        }}
      >
        <ErrorSummary formId={FORM_ID} errors={errors} order={ORDER} attempt={attempt} />
        <h2>About you</h2>
        <TextField
          formId={FORM_ID}
          name="fullName"
          label="Full name"
          error={errors.fields.fullName}
          autoComplete="name"
          spellCheck={false}
          className="input--width-30"
        />
        <TextField
          formId={FORM_ID}
          name="email"
          type="email"
          label="Email address"
          hint="We will send your User ID and password to this address."
          error={errors.fields.email}
          autoComplete="email"
          spellCheck={false}
          className="input--width-30"
        />
        <h2>About your organisation</h2>
        <RadiosField
          formId={FORM_ID}
          name="organisationType"
          legend="Type of organisation"
          error={errors.fields.organisationType}
          options={[
            {
              value: 'CENTRE',
              label: organisationTypeLabels.CENTRE,
              hint: 'You register learners and claim qualifications',
            },
            {
              value: 'THIRD_PARTY',
              label: organisationTypeLabels.THIRD_PARTY,
              hint: 'You see records that learners share with you',
            },
            {
              value: 'AWARDING_ORGANISATION',
              label: organisationTypeLabels.AWARDING_ORGANISATION,
              hint: 'You publish qualifications and record achievements',
            },
          ]}
        />
        <TextField
          formId={FORM_ID}
          name="centreCode"
          label="Centre code"
          hint="UKPRN (8 digits) or NCN (5 digits)"
          error={errors.fields.centreCode}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="input--width-10"
        />
        <TextField
          formId={FORM_ID}
          name="organisationName"
          label="Organisation name"
          error={errors.fields.organisationName}
          autoComplete="organization"
          className="input--width-30"
        />
        <TextareaField
          formId={FORM_ID}
          name="address"
          label="Organisation address"
          error={errors.fields.address}
          autoComplete="street-address"
        />
        <TextField
          formId={FORM_ID}
          name="phone"
          type="tel"
          label="Telephone number"
          hint="For example, 0114 496 0000"
          error={errors.fields.phone}
          autoComplete="tel"
          className="input--width-20"
        />
        <SubmitButton pending={create.isPending} pendingText="Sending your request…">
          Send request
        </SubmitButton>
      </form>
    </>
  );
}

function RequestSent({ request }: { request: AccountRequest | undefined }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <>
      <div className="panel">
        <h1 ref={heading} tabIndex={-1} className="panel__title">
          We have your request
        </h1>
        {request?.organisationName && <p className="panel__body">For {request.organisationName}</p>}
      </div>
      <h2>What happens next</h2>
      <p>The service desk will check your request, usually within 2 working days.</p>
      <ul className="list-bullet">
        <li>
          If it is approved, we will email your User ID and a password to {request?.email || 'you'}. You will
          choose a new password the first time you sign in.
        </li>
        <li>If it is declined, we will email you to say why.</li>
      </ul>
      <p>
        <Link to={paths.home.getHref()}>Go to the LAR home page</Link>
      </p>
    </>
  );
}
