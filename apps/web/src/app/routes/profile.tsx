import type { QueryClient } from '@tanstack/react-query';
import { DocumentTitle } from '@/components/ui/document-title';
import { meQueryOptions, useMe } from '@/features/auth/api/get-me';
import { Profile } from '@/features/auth/components/profile';
import { RequireRole } from '../require-role';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(meQueryOptions());
  return null;
};

function ProfileContent() {
  const me = useMe().data;
  return me ? <Profile me={me} /> : null;
}

export default function ProfilePage() {
  return (
    <>
      <DocumentTitle title="Your profile" />
      <h1>Your profile</h1>
      <RequireRole>
        <ProfileContent />
      </RequireRole>
    </>
  );
}
