import { Link, useSearchParams } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { safeNext } from '@/lib/form-errors';

export default function LearnerSignInPage() {
  const next = safeNext(useSearchParams()[0].get('next'));
  return (
    <>
      <DocumentTitle title="Sign in as a learner" />
      <h1>Sign in as a learner</h1>
      <p>Sign in with your unique learner number (ULN) and the password LAR emailed you.</p>
      <SignInForm kind="learner" />
      <p>
        If you work for an organisation,{' '}
        <Link to={paths.signIn.getHref(next)}>sign in with your User ID</Link>.
      </p>
    </>
  );
}
