import type { Role } from '@lar/shared/api';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';

/**
 * Shows `children` only to someone signed in with one of `roles` (any role when omitted).
 * Signed out: to the sign-in page (the learner one when only learners may see the page), with
 * `?next=` back here. With a system-generated password: to first sign-in first.
 */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  const { pathname, search } = useLocation();
  const here = `${pathname}${search}`;

  if (me.isPending) {
    return (
      <p role="status" className="loading">
        Loading…
      </p>
    );
  }
  if (me.isError) {
    return <p role="alert">Sorry, there is a problem with the service. Try again later.</p>;
  }
  if (!me.data) {
    const learnersOnly = roles?.length === 1 && roles[0] === 'learner';
    return (
      <Navigate replace to={learnersOnly ? paths.learnerSignIn.getHref(here) : paths.signIn.getHref(here)} />
    );
  }
  if (me.data.mustChangePassword && pathname !== paths.firstSignIn.path) {
    return <Navigate replace to={paths.firstSignIn.getHref(here)} />;
  }
  if (roles && !(roles as readonly string[]).includes(me.data.role)) {
    return (
      <>
        <h1>You cannot see this page</h1>
        <p>Your account does not have access to this page.</p>
        <p>
          <Link to={paths.home.getHref()}>Go to the LAR home page</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}
