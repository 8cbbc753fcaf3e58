import type { AppErrorShape } from '../../../../shared/ipc/result';

export interface PublishErrorView {
  /** The form field to show it at, when the cloud named one we have. */
  field: 'version' | 'name' | 'description' | 'category' | null;
  message: string;
  hint: string;
  /** Signing in is the fix: the dialog offers the way there. */
  signIn: boolean;
}

/**
 * What a refused publish means in this dialog (docs/marketplace.md "Publish"): 409 is a name
 * and version already taken, 400 a field the cloud refused, RESOURCE_LIMIT_EXCEEDED the
 * plan's cap on published items. The core's hints name CLI flags; these name the form.
 */
export function explainPublishError(e: AppErrorShape, kind: 'scenario' | 'template'): PublishErrorView {
  if (e.code === 'CONFLICT') {
    return {
      field: 'version',
      message: e.message,
      hint: `Versions are never replaced: give a higher version (e.g. bump 1.0.0 to 1.0.1), or publish under another name.`,
      signIn: false,
    };
  }
  if (e.code === 'UNAUTHORIZED') {
    return { field: null, message: e.message, hint: 'Sign in to the cloud, then publish again.', signIn: true };
  }
  if (e.code === 'VALIDATION_ERROR') {
    const f = e.field?.split('.').pop() ?? '';
    const field = f === 'version' || f === 'name' || f === 'description' || f === 'category' ? f : null;
    return {
      field,
      message: e.message,
      hint: e.hint ?? `Correct the ${kind}'s details and publish again.`,
      signIn: false,
    };
  }
  if (/limit/i.test(e.message) || e.code === 'FORBIDDEN') {
    return {
      field: null,
      message: e.message,
      hint: `Your organization's plan allows no more published ${kind}s. Upgrade it (Cloud → Account), or pick another organization in the Cloud screens' switcher and publish there.`,
      signIn: false,
    };
  }
  return { field: null, message: e.message, hint: e.hint ?? 'Try again in a moment.', signIn: false };
}
