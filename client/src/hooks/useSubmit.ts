import type { Result } from '@zhibu/types';
import { useState } from 'react';

/**
 * A form's submit, the same on every management form: a problem found on the phone is shown and
 * nothing is sent; otherwise (after an optional confirmation) the request goes once at a time, and
 * a refusal is shown once, under the form beside the submit button (not in a toast as well).
 * Answers the data on success, else null.
 */
export function useSubmit() {
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit<T>(
    localProblem: string | null,
    send: () => Promise<Result<T>>,
    confirm?: () => Promise<boolean>,
  ): Promise<T | null> {
    setProblem(localProblem);
    if (localProblem || saving) return null;
    if (confirm && !(await confirm())) return null;
    setSaving(true);
    const result = await send();
    setSaving(false);
    if (!result.ok) {
      setProblem(result.message);
      return null;
    }
    return result.data;
  }

  return { problem, saving, submit, clearProblem: () => setProblem(null) };
}
