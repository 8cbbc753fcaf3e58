import { projectUpdateSchema, type Project, type ProjectUpdate, type ProxyMode } from '../../../../shared/models';

/** The proxy settings of a project as the Proxy view edits them (numbers as typed). */
export interface ProxyForm {
  upstreamUrl: string;
  proxyMode: ProxyMode;
  recordGeneralizeIds: boolean;
  proxyConnectTimeoutMs: string;
  proxyResponseTimeoutMs: string;
}

export type ProxyFormErrors = Partial<Record<keyof ProxyForm, string>>;

export const proxyToForm = (p: Project): ProxyForm => ({
  upstreamUrl: p.upstreamUrl ?? '',
  proxyMode: p.proxyMode,
  recordGeneralizeIds: p.recordGeneralizeIds,
  proxyConnectTimeoutMs: String(p.proxyConnectTimeoutMs),
  proxyResponseTimeoutMs: String(p.proxyResponseTimeoutMs),
});

export function proxyFormToPatch(f: ProxyForm): ProjectUpdate {
  return {
    upstreamUrl: f.upstreamUrl.trim() === '' ? null : f.upstreamUrl.trim(),
    proxyMode: f.proxyMode,
    recordGeneralizeIds: f.recordGeneralizeIds,
    proxyConnectTimeoutMs: Number(f.proxyConnectTimeoutMs),
    proxyResponseTimeoutMs: Number(f.proxyResponseTimeoutMs),
  };
}

/** The core's own rules (shared schema), plus the one it checks across fields: a mode needs an upstream. */
export function validateProxyForm(f: ProxyForm): ProxyFormErrors {
  const errors: ProxyFormErrors = {};
  const r = projectUpdateSchema.safeParse(proxyFormToPatch(f));
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = issue.path[0] as keyof ProxyForm | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (f.proxyMode !== 'off' && f.upstreamUrl.trim() === '' && !errors.upstreamUrl)
    errors.upstreamUrl = 'set the upstream URL (e.g. https://api.example.com) to proxy or record';
  return errors;
}
