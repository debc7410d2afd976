// A labelled form field with its message beside it.

import type { ReactNode } from 'react';

export function Field({
  label,
  error,
  hint,
  children,
  id,
}: {
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  return (
    <label className="field" data-field={id}>
      <span className="field-label">{label}</span>
      {children}
      {hint && !error && <span className="hint">{hint}</span>}
      {error && (
        <span className="field-error" role="alert" data-testid={id ? `error-${id}` : undefined}>
          {error}
        </span>
      )}
    </label>
  );
}
