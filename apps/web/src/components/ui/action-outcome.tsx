import { useState } from 'react';
import { ErrorSummary, SuccessBanner } from './form';

export interface Outcome {
  /** Counts reports, so a repeated message is announced and focused again. */
  n: number;
  kind: 'success' | 'error';
  text: string;
}

export type ReportOutcome = (kind: Outcome['kind'], text: string) => void;

/** The latest result of an action in a list (approve, revoke, disable…), and the way to report one. */
export function useActionOutcome(): { outcome: Outcome | null; report: ReportOutcome; clear: () => void } {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const report: ReportOutcome = (kind, text) =>
    setOutcome((previous) => ({ n: (previous?.n ?? 0) + 1, kind, text }));
  return { outcome, report, clear: () => setOutcome(null) };
}

/** Shows that result as a success banner or an error summary; each takes focus when it appears. */
export function ActionOutcome({ outcome, formId }: { outcome: Outcome | null; formId: string }) {
  if (!outcome) return null;
  if (outcome.kind === 'success') return <SuccessBanner key={outcome.n}>{outcome.text}</SuccessBanner>;
  return (
    <ErrorSummary
      key={outcome.n}
      formId={formId}
      errors={{ fields: {}, general: outcome.text }}
      order={[]}
      attempt={outcome.n}
    />
  );
}
