import type { AchievementsReport } from '@lar/shared/api';
import { useState } from 'react';
import { CsvUploadForm } from '@/components/ui/csv-upload-form';
import { MAX_ACHIEVEMENTS_BYTES, useUploadAchievements } from '../api/upload-achievements';
import { UploadReport } from './upload-report';

/**
 * Choose an Achievements CSV and upload it, with a progress bar while it is sent; the report of every
 * row (recorded or rejected, and why) then shows under the form.
 */
export function UploadAchievementsForm() {
  const upload = useUploadAchievements();
  const [result, setResult] = useState<{ n: number; fileName: string; report: AchievementsReport } | null>(
    null,
  );
  return (
    <>
      <CsvUploadForm
        formId="upload-achievements"
        label="Upload an Achievements CSV file"
        hint="Up to 10,000 achievements and 20 MB."
        columnsHint="The first row must name the columns ULN, URN and AchievedOn, and may add Basis."
        progressId="achievements-upload-progress"
        maxBytes={MAX_ACHIEVEMENTS_BYTES}
        upload={upload}
        cancelled="Nothing was recorded."
        onStart={() => setResult(null)}
        onUploaded={(file, report) =>
          setResult((previous) => ({ n: (previous?.n ?? 0) + 1, fileName: file.name, report }))
        }
      />
      {result && <UploadReport key={result.n} fileName={result.fileName} report={result.report} />}
    </>
  );
}
