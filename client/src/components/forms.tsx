import { useId, type ReactNode } from 'react';
import type { ApiRequestError } from '../api/client.js';
import { t } from '../i18n/messages.js';

interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** A labelled control with an optional hint and error, wired for screen readers. */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A failed request: its message and, when the server gave them, one line per detail. */
export function FormError({ error, title }: { error: ApiRequestError | null; title?: string }) {
  if (!error) return null;
  return (
    <div className="state state-error" role="alert">
      {title && <p className="error-title">{title}</p>}
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <ul className="error-details" aria-label={t('form.problems')}>
          {error.details.map((d, i) => (
            <li key={`${d.path}-${i}`}>
              <strong>{d.path}</strong>: {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A polite live message after something worked. */
export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
