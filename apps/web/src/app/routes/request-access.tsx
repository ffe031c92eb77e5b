import { DocumentTitle } from '@/components/ui/document-title';
import { RequestAccess } from '@/features/account-requests/components/request-access-form';

export default function RequestAccessPage() {
  return (
    <>
      <DocumentTitle title="Request access" />
      <RequestAccess />
    </>
  );
}
