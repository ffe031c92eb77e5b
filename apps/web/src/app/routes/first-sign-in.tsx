import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { meQueryOptions, useMe } from '@/features/auth/api/get-me';
import { FirstSignInForm } from '@/features/auth/components/first-sign-in-form';
import { RequireRole } from '../require-role';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(meQueryOptions());
  return null;
};

function FirstSignIn() {
  const me = useMe().data;
  // Decided once: saving the form changes `me`, and the form must stay until it has moved on.
  const [alreadyDone] = useState(() => Boolean(me && !me.mustChangePassword));
  if (alreadyDone) {
    return (
      <>
        <h1>You have already set your password</h1>
        <p>
          You can change your password and memorable information on your{' '}
          <Link to={paths.profile.getHref()}>profile</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Set your password</h1>
      <p className="lead">
        You signed in with a password we emailed you. Before you go on, choose your own password and set
        memorable information.
      </p>
      <FirstSignInForm />
    </>
  );
}

export default function FirstSignInPage() {
  return (
    <>
      <DocumentTitle title="Set your password" />
      <RequireRole>
        <FirstSignIn />
      </RequireRole>
    </>
  );
}
