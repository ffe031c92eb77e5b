import type { AwardedQualificationView } from '@lar/shared/api';
import { LoadedList } from '@/components/ui/access-problem';
import { countOf } from '@/components/ui/format';
import { AwardedQualification, newestFirst } from '@/components/ui/record-qualifications';
import { useMyQualifications } from '../api/get-qualifications';

/** The learner's awarded qualifications, newest first, each with the units that achieved it by group. */
export function MyQualifications() {
  const query = useMyQualifications();
  return (
    <LoadedList query={query} loading="Loading your qualifications…" what="your qualifications">
      {(data) => <Qualifications awarded={data} />}
    </LoadedList>
  );
}

function Qualifications({ awarded }: { awarded: AwardedQualificationView[] }) {
  const qualifications = newestFirst(awarded);
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
