import type { ReactNode } from 'react';
import { ErrorMessage, fieldId } from './form';

/**
 * Checkboxes in a fieldset, as RadiosField lays out radios. The first checkbox has the field's id,
 * so the error summary's link lands on it.
 */
export function CheckboxesField({
  formId,
  name,
  legend,
  hint,
  error,
  options,
  defaultValues = [],
}: {
  formId: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string; hint?: string }[];
  defaultValues?: readonly string[];
}) {
  const id = fieldId(formId, name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy || undefined}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} message={error} />
        <div className="checkboxes">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div key={option.value} className="checkboxes__item">
                <input
                  className="checkboxes__input"
                  id={optionId}
                  type="checkbox"
                  name={name}
                  value={option.value}
                  defaultChecked={defaultValues.includes(option.value)}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                />
                <label className="checkboxes__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${optionId}-item-hint`} className="hint checkboxes__hint">
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
