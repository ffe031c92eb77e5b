import { useSearchParams } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { useMe } from '@/features/auth/api/get-me';
import { EmailConfirmation } from '@/features/auth/components/email-confirmation';

export default function ProfileEmailConfirmPage() {
  const token = useSearchParams()[0].get('token') ?? '';
  const signedIn = Boolean(useMe().data);
  return (
    <>
      <DocumentTitle title="Confirm your email address" />
      <EmailConfirmation token={token} signedIn={signedIn} />
    </>
  );
}
