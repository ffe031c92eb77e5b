import { Link, useSearchParams } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { safeNext } from '@/lib/form-errors';

export default function SignInPage() {
  const next = safeNext(useSearchParams()[0].get('next'));
  return (
    <>
      <DocumentTitle title="Sign in" />
      <h1>Sign in</h1>
      <p>Sign in with the User ID and password of your organisation account.</p>
      <SignInForm kind="user" />
      <h2>If you do not have an account</h2>
      <p>
        <Link to={paths.requestAccess.getHref()}>Request access for your organisation</Link>.
      </p>
      <p>
        Learners sign in with their unique learner number:{' '}
        <Link to={paths.learnerSignIn.getHref(next)}>sign in as a learner</Link>.
      </p>
    </>
  );
}
