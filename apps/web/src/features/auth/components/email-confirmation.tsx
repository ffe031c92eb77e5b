import { Link } from 'react-router';
import { SuccessBanner } from '@/components/ui/form';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { useConfirmEmail } from '../api/confirm-email';

/** Confirms the new email address from the link on load, and says how it went. */
export function EmailConfirmation({ token, signedIn }: { token: string; signedIn: boolean }) {
  const confirmation = useConfirmEmail(token);
  const invalid =
    !token ||
    (confirmation.isError &&
      confirmation.error instanceof ApiError &&
      confirmation.error.code === 'TOKEN_INVALID');

  if (invalid) {
    return (
      <>
        <h1>This link has expired</h1>
        <p>The link to confirm your email address has expired or has already been used.</p>
        <p>
          You can ask for a new link by changing your email address again on your{' '}
          <Link to={paths.profile.getHref()}>profile</Link>.
        </p>
      </>
    );
  }
  if (confirmation.isPending) {
    return (
      <>
        <h1>Confirm your email address</h1>
        <p role="status" className="loading">
          Confirming your email address…
        </p>
      </>
    );
  }
  if (confirmation.isError) {
    return (
      <>
        <h1>Confirm your email address</h1>
        <p role="alert">Sorry, there is a problem with the service. Try again later.</p>
      </>
    );
  }
  return (
    <>
      <h1>Email address confirmed</h1>
      <SuccessBanner>
        Your email address has been changed. We will send emails to your new address.
      </SuccessBanner>
      <p>
        {signedIn ? (
          <Link to={paths.profile.getHref()}>Go to your profile</Link>
        ) : (
          <Link to={paths.signIn.getHref()}>Sign in</Link>
        )}
      </p>
    </>
  );
}
