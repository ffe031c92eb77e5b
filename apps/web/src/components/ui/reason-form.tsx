import type { ReportOutcome } from '@/components/ui/action-outcome';
import { ErrorSummary, SubmitButton, TextareaField, useFormErrors } from '@/components/ui/form';
import { formErrorsFrom, readForm } from '@/lib/form-errors';

/**
 * An inline form in a list's row that asks why before an irreversible step (withdraw an achievement,
 * decline a request): the reason is required (and at most `maxLength`), kept with the record; the
 * outcome is reported above the list. An error that means someone else already settled the row
 * (`settledElsewhere` returns its message) is reported there too; others show on the field.
 */
export function InlineReasonForm({
  formId,
  title,
  question,
  hint,
  missing,
  maxLength,
  submitText,
  pendingText,
  pending,
  send,
  succeeded,
  settledElsewhere,
  report,
  onCancel,
}: {
  formId: string;
  /** The form's accessible name. */
  title: string;
  question: string;
  hint: string;
  /** The message when no reason is given. */
  missing: string;
  maxLength?: number;
  submitText: string;
  pendingText: string;
  pending: boolean;
  send: (reason: string) => Promise<unknown>;
  /** The success message. */
  succeeded: string;
  settledElsewhere: (error: unknown) => string | undefined;
  report: ReportOutcome;
  onCancel: () => void;
}) {
  const { errors, attempt, fail, clear } = useFormErrors();
  return (
    <form
      noValidate
      className="inline-form"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        const { reason = '' } = readForm(event.currentTarget);
        if (!reason) return fail({ fields: { reason: missing } });
        if (maxLength !== undefined && reason.length > maxLength)
          return fail({
            fields: { reason: `The reason must be ${maxLength.toLocaleString('en-GB')} characters or fewer` },
          });
        clear();
        send(reason).then(
          () => report('success', succeeded),
          (error: unknown) => {
            const elsewhere = settledElsewhere(error);
            if (elsewhere !== undefined) return report('error', elsewhere);
            fail(formErrorsFrom(error, ['reason']));
          },
        );
      }}
    >
      <ErrorSummary formId={formId} errors={errors} order={['reason']} attempt={attempt} />
      <TextareaField
        formId={formId}
        name="reason"
        label={question}
        hint={hint}
        error={errors.fields.reason}
        rows={3}
        maxLength={maxLength}
        // The form opens on request, and the reason is what to type next.
        autoFocus
      />
      <div className="button-group">
        <SubmitButton pending={pending} pendingText={pendingText}>
          {submitText}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
