import type { RecordProgressItem } from '@lar/shared/api';
import type { Achievement, EvaluationResult } from '@lar/shared/schemas';
import { useId, useMemo, useState } from 'react';
import { countOf, levelName } from '@/components/ui/format';
import { type KnownUnit, ProgressItemView, progressStatusText } from '@/components/ui/record-progress';
import { credits } from '@/components/ui/rules-format';
import { heldEquivalent, unitsToTry, whatIfEvaluation } from '../utils/what-if';

type Shown = { evaluation: EvaluationResult; failed: boolean };

/**
 * Progress toward one qualification with a "what if" panel: ticking units the learner does not hold
 * works the progress out again at once, in the browser, with the rules engine the server uses. With
 * nothing ticked it shows the server's evaluation (which the engine gives back unchanged).
 */
export function ProgressWithWhatIf({
  item,
  achievements,
  headingId,
  known,
}: {
  item: RecordProgressItem;
  achievements: readonly Achievement[];
  headingId: string;
  /** The record's units, for the titles of held units the rules do not list. */
  known: readonly KnownUnit[];
}) {
  const [ticked, setTicked] = useState<string[]>([]);
  const candidates = useMemo(() => unitsToTry(item, achievements), [item, achievements]);
  const shown = useMemo<Shown>(() => {
    if (ticked.length === 0) return { evaluation: item.evaluation, failed: false };
    try {
      return { evaluation: whatIfEvaluation(item, achievements, ticked), failed: false };
    } catch {
      // Too complex to work out here (the engine's work budget): keep the learner's own numbers.
      return { evaluation: item.evaluation, failed: true };
    }
  }, [item, achievements, ticked]);
  const id = useId();
  const announcement =
    ticked.length === 0
      ? ''
      : shown.failed
        ? 'This is too complex to work out here. Your own progress is shown.'
        : `With ${countOf(ticked.length, 'ticked unit')} added: ${progressStatusText(shown.evaluation)}, ${countOf(shown.evaluation.countedCredits, 'credit')} counted.`;

  return (
    <ProgressItemView
      item={item}
      evaluation={shown.evaluation}
      headingId={headingId}
      known={known}
      ticked={shown.failed ? [] : ticked}
      note={
        ticked.length > 0 &&
        !shown.failed && (
          <p className="what-if__note">
            <strong>What if:</strong> showing this progress as if you had also achieved the{' '}
            {countOf(ticked.length, 'unit')} ticked below.
          </p>
        )
      }
    >
      {candidates.length > 0 && (
        <details className="details what-if">
          <summary className="details__summary">
            <span>What if you achieved more units?</span>
          </summary>
          <div className="details__text">
            <fieldset className="fieldset" aria-describedby={`${id}-hint`}>
              <legend className="fieldset__legend">
                Tick units to see how your progress towards {item.qualification.title} would change
              </legend>
              <p id={`${id}-hint`} className="hint">
                Nothing is saved or sent: the progress above changes as you tick.
              </p>
              <div className="checkboxes">
                {candidates.map((unit) => {
                  const inputId = `${id}-${unit.urn}`;
                  const equivalent = heldEquivalent(item, achievements, unit.urn);
                  return (
                    <div key={unit.urn} className="checkboxes__item">
                      <input
                        className="checkboxes__input"
                        id={inputId}
                        type="checkbox"
                        checked={ticked.includes(unit.urn)}
                        onChange={(event) => {
                          const checked = event.currentTarget.checked;
                          setTicked((current) =>
                            checked ? [...current, unit.urn] : current.filter((urn) => urn !== unit.urn),
                          );
                        }}
                      />
                      <label className="checkboxes__label" htmlFor={inputId}>
                        <code>{unit.urn}</code> {unit.title}{' '}
                        <span className="secondary-text--inline">
                          ({credits(unit.credits)}, {levelName(unit.level)})
                        </span>
                        {equivalent && (
                          <span className="secondary-text">
                            You hold <code>{equivalent}</code>, which can take its place.
                          </span>
                        )}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
            {ticked.length > 0 && (
              <button type="button" className="button button--secondary" onClick={() => setTicked([])}>
                Clear ticks
              </button>
            )}
            <p className="visually-hidden" role="status" aria-live="polite">
              {announcement}
            </p>
          </div>
        </details>
      )}
    </ProgressItemView>
  );
}
