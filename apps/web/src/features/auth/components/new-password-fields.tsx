import { TextField } from '@/components/ui/form';
import { type FormErrors, PASSWORD_HINT } from '@/lib/form-errors';

/**
 * "New password" and "Confirm new password", as every form that sets a password asks them: same
 * names (`newPassword`, `confirmPassword`), hint, autocomplete and width.
 */
export function NewPasswordFields({ formId, errors }: { formId: string; errors: FormErrors }) {
  return (
    <>
      <TextField
        formId={formId}
        name="newPassword"
        type="password"
        label="New password"
        hint={PASSWORD_HINT}
        error={errors.fields.newPassword}
        autoComplete="new-password"
        className="input--width-20"
      />
      <TextField
        formId={formId}
        name="confirmPassword"
        type="password"
        label="Confirm new password"
        error={errors.fields.confirmPassword}
        autoComplete="new-password"
        className="input--width-20"
      />
    </>
  );
}
