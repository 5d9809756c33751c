import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ProblemError, formFieldErrors } from '../api/problem';

/**
 * Submits a form's values to a service; on a problem (RFC 9457) shows the field errors next to the
 * fields and keeps the problem for a ProblemAlert.
 */
export function useProblemSubmit<V, R>(form: FormInstance<V>, send: (values: V) => Promise<R>, onDone?: (result: R) => void) {
  const [error, setError] = useState<unknown>();
  const [submitting, setSubmitting] = useState(false);
  const submit = async (values: V) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await send(values);
      onDone?.(result);
    } catch (e) {
      setError(e);
      if (e instanceof ProblemError) {
        const fields = formFieldErrors(e);
        // Only fields the form has; the others stay in the alert's detail.
        const known = fields.filter((f) => form.getFieldInstance(f.name as never) !== undefined);
        if (known.length) form.setFields(known as never);
      }
    } finally {
      setSubmitting(false);
    }
  };
  return { submit, error, submitting, clearError: () => setError(undefined) };
}
