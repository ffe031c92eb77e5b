import type { LearnerImport } from '@lar/shared/api';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CsvUploadForm } from '@/components/ui/csv-upload-form';
import { DateTime } from '@/components/ui/date-time';
import { paths } from '@/config/paths';
import { MAX_UPLOAD_BYTES, useUploadLearners } from '../api/upload-learners';

/**
 * Choose a CSV file and upload it, with a progress bar while it is sent. A new file goes on to its
 * import page; a file uploaded before is said so here, with a link to what became of it.
 */
export function UploadLearnersForm() {
  const upload = useUploadLearners();
  const navigate = useNavigate();
  const [earlier, setEarlier] = useState<{ n: number; learnerImport: LearnerImport } | null>(null);
  return (
    <>
      {earlier && <AlreadyUploaded key={earlier.n} learnerImport={earlier.learnerImport} />}
      <CsvUploadForm
        formId="upload-learners"
        label="Upload a file"
        hint="A CSV file, up to 20 MB and 100,000 learners."
        columnsHint="The first row must name the columns ULN, GivenName, FamilyName, DateOfBirth and Email."
        progressId="upload-progress"
        maxBytes={MAX_UPLOAD_BYTES}
        upload={upload}
        cancelled="Nothing was changed."
        onStart={() => setEarlier(null)}
        onUploaded={(_file, result) => {
          if (result.alreadyProcessed) {
            setEarlier((previous) => ({ n: (previous?.n ?? 0) + 1, learnerImport: result.import }));
          } else {
            navigate(paths.learnerImport.getHref(result.import.id));
          }
        }}
      />
    </>
  );
}

/** The same file again: nothing was changed. Takes focus, so everyone learns why nothing happened. */
function AlreadyUploaded({ learnerImport }: { learnerImport: LearnerImport }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      className="notification-banner notification-banner--info"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <h2 id={titleId} className="notification-banner__title">
        This file was uploaded before
      </h2>
      <p className="notification-banner__heading">
        Your centre uploaded the same file on <DateTime value={learnerImport.createdAt} /> (
        {learnerImport.fileName}), so nothing was changed.
      </p>
      <p className="notification-banner__more">
        <Link to={paths.learnerImport.getHref(learnerImport.id)}>View the report of that upload</Link>
      </p>
    </div>
  );
}
