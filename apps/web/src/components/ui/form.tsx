import {
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { type FormErrors, noErrors } from '@/lib/form-errors';

/** The id of a form's input: `${formId}-${name}`, which the error summary links to. */
export const fieldId = (formId: string, name: string) => `${formId}-${name}`;

function focusField(id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
}

/**
 * "There is a problem" with one link per field error, in the order of `order`, and the general
 * message. It takes focus each time `attempt` changes, so a failed submit is announced and the
 * keyboard user starts from the list of what to fix.
 */
export function ErrorSummary({
  formId,
  errors,
  order,
  attempt,
}: {
  formId: string;
  errors: FormErrors;
  order: readonly string[];
  attempt: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const items = order.flatMap((name) => {
    const message = errors.fields[name];
    return message ? [{ name, message }] : [];
  });
  const shown = items.length > 0 || Boolean(errors.general);

  // Again on every failed submit (`attempt` changes), not only when the summary first appears.
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [attempt, shown]);

  if (!shown) return null;
  return (
    <div
      ref={ref}
      className="error-summary"
      role="alert"
      aria-labelledby={`${formId}-error-summary-title`}
      tabIndex={-1}
    >
      <h2 id={`${formId}-error-summary-title`} className="error-summary__title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {errors.general && <li>{errors.general}</li>}
        {items.map(({ name, message }) => (
          <li key={name}>
            <a
              href={`#${fieldId(formId, name)}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(fieldId(formId, name));
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="error-message">
      <span className="visually-hidden">Error:</span> {message}
    </p>
  );
}

interface FieldProps {
  formId: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Makes the label the page heading, for one-question pages. */
  className?: string;
}

export function TextField({
  formId,
  name,
  label,
  hint,
  error,
  className,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className'>) {
  const id = fieldId(formId, name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        type="text"
        {...input}
        id={id}
        name={name}
        className={`input${error ? ' input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}

/** The label, hint and error message around one input, as every field shows them. */
function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={id} message={error} />
      {children}
    </div>
  );
}

export function TextareaField({
  formId,
  name,
  label,
  hint,
  error,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'className'>) {
  const id = fieldId(formId, name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        rows={4}
        {...textarea}
        id={id}
        name={name}
        className={`textarea${error ? ' input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}

interface ChoicesProps {
  formId: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string; hint?: string }[];
}

/**
 * Radios or checkboxes in a fieldset. The first input has the field's id, so the error summary's link
 * lands on it.
 */
function ChoicesField({
  type,
  checked,
  formId,
  name,
  legend,
  hint,
  error,
  options,
}: ChoicesProps & { type: 'radio' | 'checkbox'; checked: (value: string) => boolean }) {
  const id = fieldId(formId, name);
  const kind = type === 'radio' ? 'radios' : 'checkboxes';
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} message={error} />
        <div className={kind}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div key={option.value} className={`${kind}__item`}>
                <input
                  className={`${kind}__input`}
                  id={optionId}
                  type={type}
                  name={name}
                  value={option.value}
                  defaultChecked={checked(option.value)}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                />
                <label className={`${kind}__label`} htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${optionId}-item-hint`} className={`hint ${kind}__hint`}>
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

export function RadiosField({ defaultValue, ...props }: ChoicesProps & { defaultValue?: string }) {
  return <ChoicesField {...props} type="radio" checked={(value) => value === defaultValue} />;
}

export function CheckboxesField({
  defaultValues = [],
  ...props
}: ChoicesProps & { defaultValues?: readonly string[] }) {
  return <ChoicesField {...props} type="checkbox" checked={(value) => defaultValues.includes(value)} />;
}

/** A submit button that stays focusable while the request runs (a disabled button drops focus). */
export function SubmitButton({
  pending,
  children,
  pendingText,
  secondary,
}: {
  pending: boolean;
  children: ReactNode;
  pendingText?: ReactNode;
  secondary?: boolean;
}) {
  return (
    <button
      type="submit"
      className={`button${secondary ? ' button--secondary' : ''}`}
      aria-disabled={pending || undefined}
    >
      {pending ? (pendingText ?? children) : children}
    </button>
  );
}

/**
 * A success message that takes focus when it appears, so everyone learns what happened. `polite`
 * makes it a status (announced politely) rather than an alert.
 */
export function SuccessBanner({
  title = 'Success',
  polite = false,
  children,
}: {
  title?: string;
  polite?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const content = (
    <>
      <h2 id={titleId} className="notification-banner__title">
        {title}
      </h2>
      <div className="notification-banner__heading">{children}</div>
    </>
  );
  const className = 'notification-banner notification-banner--success';
  return polite ? (
    <div ref={ref} className={className} role="status" aria-labelledby={titleId} tabIndex={-1}>
      {content}
    </div>
  ) : (
    <div ref={ref} className={className} role="alert" aria-labelledby={titleId} tabIndex={-1}>
      {content}
    </div>
  );
}

/** A form's errors and a counter of failed submits (the error summary takes focus on each). */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  return {
    errors,
    attempt,
    fail: (next: FormErrors) => {
      setErrors(next);
      setAttempt((n) => n + 1);
    },
    clear: () => setErrors(noErrors),
  };
}
