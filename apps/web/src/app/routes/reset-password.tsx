import { useSearchParams } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { ResetPassword } from '@/features/auth/components/reset-password-form';

export default function ResetPasswordPage() {
  const token = useSearchParams()[0].get('token') ?? '';
  return (
    <>
      <DocumentTitle title="Reset your password" />
      <ResetPassword key={token} token={token} />
    </>
  );
}
