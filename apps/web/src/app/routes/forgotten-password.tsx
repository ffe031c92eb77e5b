import { DocumentTitle } from '@/components/ui/document-title';
import { ForgottenPasswordForm } from '@/features/auth/components/forgotten-password-form';

export default function ForgottenPasswordPage() {
  return (
    <>
      <DocumentTitle title="Forgotten your password?" />
      <h1>Forgotten your password?</h1>
      <p>
        We will email you a link to reset it. You will need your memorable information. If you have not set
        any, ask the service desk to reset your password.
      </p>
      <ForgottenPasswordForm />
    </>
  );
}
