import { useState } from 'react';
import type { FormInstance, FormRule } from 'antd';
import { ProblemError, formFieldErrors } from '../api/problem';
import { isMoneyInput } from '../lib/money';

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
  /**
   * For the form's onValuesChange: the fields just changed are checked again at once, so an error the service gave
   * (or a rule's) clears as soon as the value is fixed; fields that depend on them are checked by their own
   * `dependencies`.
   */
  const revalidate = (changed: object) => {
    const names = Object.keys(changed);
    if (names.length) form.validateFields(names as never).catch(() => undefined);
    // The service's refusal named a field now changed: its alert would be stale.
    if (error instanceof ProblemError && names.some((n) => n in error.fieldErrors)) setError(undefined);
  };
  return { submit, error, submitting, revalidate, clearError: () => setError(undefined) };
}

/** A money field's rule: empty is left to `required`; anything but yuan with at most two decimals gets the message. */
export function moneyRule(message: string): FormRule {
  return {
    validator: (_, value: unknown) =>
      value === undefined || value === null || value === '' || isMoneyInput(value) ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}
