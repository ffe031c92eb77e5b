import { LoadProblem } from '@/components/ui/access-problem';
import { countOf } from '@/components/ui/format';
import { AwardedQualification, newestFirst } from '@/components/ui/record-qualifications';
import { useMyQualifications } from '../api/get-qualifications';

/** The learner's awarded qualifications, newest first, each with the units that achieved it by group. */
export function MyQualifications() {
  const query = useMyQualifications();
  if (query.isPending) {
    return (
      <p role="status" className="loading">
        Loading your qualifications…
      </p>
    );
  }
  if (query.isError) {
    return (
      <LoadProblem
        error={query.error}
        what="your qualifications"
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  const qualifications = newestFirst(query.data);
  if (qualifications.length === 0) {
    return (
      <p className="empty">
        You have not been awarded a qualification on LAR yet. When your centre claims one for you and the
        awarding organisation awards it, it appears here.
      </p>
    );
  }
  return (
    <>
      <p>You have been awarded {countOf(qualifications.length, 'qualification')}.</p>
      {qualifications.map((qualification) => (
        <AwardedQualification key={qualification.id} qualification={qualification} />
      ))}
    </>
  );
}
