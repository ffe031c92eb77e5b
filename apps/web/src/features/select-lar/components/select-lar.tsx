import type { SelectLarResponse } from '@lar/shared/api';
import { useEffect, useRef, useState } from 'react';
import { DateTime } from '@/components/ui/date-time';
import { ErrorSummary, SubmitButton, TextField, useFormErrors } from '@/components/ui/form';
import { RecordProgressView } from '@/components/ui/record-progress';
import { RecordQualificationsView } from '@/components/ui/record-qualifications';
import { sectionsInWords } from '@/components/ui/record-sections';
import { RecordUnitsView } from '@/components/ui/record-units';
import { ApiError } from '@/lib/api-client';
import { type FormErrors, formErrorsFrom, readForm } from '@/lib/form-errors';
import { useSelectLar } from '../api/select-lar';

const FORM_ID = 'select-lar';

/** What a failed look-up says. A 404 never says whether the ULN exists. */
function errorsFor(error: unknown, uln: string): FormErrors {
  if (error instanceof ApiError) {
    if (error.status === 404)
      return {
        fields: {},
        general: `There is no learner record you may view for ULN ${uln}. Check the ULN. The learner may not have given your organisation permission, or their permission may have ended.`,
      };
    if (error.code === 'INVALID_CREDENTIALS')
      return {
        fields: {
          password:
            'Your password is not right. Enter the password you sign in to LAR with (after several wrong tries your account is locked)',
        },
      };
    if (error.code === 'SIGN_IN_LOCKED') return { fields: {}, general: error.message };
  }
  return formErrorsFrom(error, ['uln', 'password']);
}

/**
 * Select LAR: a centre or third party enters a learner's ULN and their own password, and sees the
 * sections of the record the learner lets their organisation see, and no other.
 */
export function SelectLar() {
  const select = useSelectLar();
  const { errors, attempt, fail, clear } = useFormErrors();
  const [result, setResult] = useState<SelectLarResponse | null>(null);
  return (
    <>
      <form
        noValidate
        aria-label="Find a learner’s record"
        onSubmit={(event) => {
          event.preventDefault();
          if (select.isPending) return;
          const form = event.currentTarget;
          const values = readForm(form, ['password']);
          const uln = (values.uln ?? '').replace(/\s+/g, '');
          const password = values.password ?? '';
          const fields: Partial<Record<string, string>> = {};
          if (!uln) fields.uln = 'Enter the learner’s ULN';
          else if (!/^\d{10}$/.test(uln)) fields.uln = 'Enter a ULN of 10 digits, like 9276308686';
          if (!password) fields.password = 'Enter your password';
          if (Object.keys(fields).length > 0) return fail({ fields });
          clear();
          setResult(null);
          select.mutate(
            { uln, password },
            {
              onSuccess: (response) => {
                setResult(response);
              },
              onError: (error) => fail(errorsFor(error, uln)),
              onSettled: () => {
                // The password is never kept on the page.
                const input = form.elements.namedItem('password');
                if (input instanceof HTMLInputElement) input.value = '';
              },
            },
          );
        }}
      >
        <ErrorSummary formId={FORM_ID} errors={errors} order={['uln', 'password']} attempt={attempt} />
        <TextField
          formId={FORM_ID}
          name="uln"
          label="Learner’s unique learner number (ULN)"
          hint="10 digits, for example 9276308686."
          error={errors.fields.uln}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="input--width-10"
        />
        <TextField
          formId={FORM_ID}
          name="password"
          type="password"
          label="Your password"
          hint="The password you sign in to LAR with. We ask again each time, as the record is the learner’s."
          error={errors.fields.password}
          autoComplete="current-password"
          className="input--width-20"
        />
        <SubmitButton pending={select.isPending} pendingText="Finding the record…">
          View record
        </SubmitButton>
      </form>
      {result && <SharedRecord key={result.viewedAt} record={result} />}
    </>
  );
}

/** The sections the learner shares with the viewer's organisation, and only those. */
function SharedRecord({ record }: { record: SelectLarResponse }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const shared = record.sections;
  return (
    <section aria-labelledby="shared-record-title" className="shared-record full-width">
      <span className="caption">
        Learner record, ULN <code>{record.learner.uln}</code>
      </span>
      <h2 id="shared-record-title" ref={heading} tabIndex={-1} className="focus-heading break-words">
        {record.learner.name}
      </h2>
      <p>
        {shared.length === 0
          ? `${record.learner.name} shares no sections of their record with your organisation.`
          : `${record.learner.name} shares their ${sectionsInWords(shared)} with your organisation.`}{' '}
        Viewed <DateTime value={record.viewedAt} />. The learner can see that you looked.
      </p>
      {record.units && <RecordUnitsView units={record.units} />}
      {record.qualifications && <RecordQualificationsView qualifications={record.qualifications} />}
      {record.progress && <RecordProgressView progress={record.progress} known={record.units?.items} />}
    </section>
  );
}
