import {
  mockCreateSchema,
  mockPathProblem,
  DEFAULT_CRUD_KEY,
  type HttpMethod,
  type Mock,
  type MockKind,
  type MockCreate,
  type ResponseMode,
  type ResponseSelection,
  type ResponseType,
} from '../../../../shared/models';

/** What the mock editor holds while typing: numbers stay strings until validated. */
export interface MockForm {
  name: string;
  method: HttpMethod;
  path: string;
  description: string;
  responseType: ResponseType;
  responseDelay: string;
  responseMode: ResponseMode;
  responseSelection: ResponseSelection;
  isActive: boolean;
  kind: MockKind;
  /** The CRUD route's bucket name; '' for none chosen. */
  bucket: string;
  crudKey: string;
}

export type MockFormErrors = Partial<Record<keyof MockForm, string>>;

export const emptyMockForm = (): MockForm => ({
  name: '',
  method: 'GET',
  path: '/',
  description: '',
  responseType: 'json',
  responseDelay: '0',
  responseMode: 'random',
  responseSelection: 'weighted',
  isActive: true,
  kind: 'http',
  bucket: '',
  crudKey: DEFAULT_CRUD_KEY,
});

export const mockToForm = (m: Mock): MockForm => ({
  name: m.name,
  method: m.method,
  path: m.path,
  description: m.description,
  responseType: m.responseType,
  responseDelay: String(m.responseDelay),
  responseMode: m.responseMode,
  responseSelection: m.responseSelection,
  isActive: m.isActive,
  kind: m.kind,
  bucket: m.bucket ?? '',
  crudKey: m.crudKey,
});

const toNumber = (s: string): number => (s.trim() === '' ? 0 : Number(s));

/**
 * The name a mock gets when the Name field is left empty: what the list shows anyway
 * (`GET /users/{id}`), so a user can type just the path.
 */
export function defaultMockName(f: Pick<MockForm, 'kind' | 'method' | 'path'>): string {
  return `${f.kind === 'crud' ? 'CRUD' : f.method} ${f.path.trim() || '/'}`;
}

/** Field → message for everything the core would refuse, checked with the same schemas. */
export function validateMockForm(f: MockForm): MockFormErrors {
  const errors: MockFormErrors = {};
  const r = mockCreateSchema.safeParse({
    ...f,
    name: f.name.trim() || defaultMockName(f),
    responseDelay: toNumber(f.responseDelay),
    bucket: f.bucket.trim() || null,
  });
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = issue.path[0] as keyof MockForm | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  // The path rule gets the shared wording even when the schema stopped at "required".
  const pathProblem = f.path.trim() ? mockPathProblem(f.path.trim()) : 'path is required, e.g. /users/{id}';
  if (pathProblem) errors.path = pathProblem;
  if (f.kind === 'crud' && f.bucket.trim() === '') errors.bucket = 'choose the data bucket this CRUD route works on';
  if (f.responseDelay.trim() !== '' && !Number.isFinite(Number(f.responseDelay))) {
    errors.responseDelay = 'delay must be a number of milliseconds';
  }
  return errors;
}

export function mockFormToPayload(f: MockForm): MockCreate {
  return {
    name: f.name.trim() || defaultMockName(f),
    method: f.method,
    path: f.path.trim(),
    description: f.description,
    responseType: f.responseType,
    responseDelay: toNumber(f.responseDelay),
    responseMode: f.responseMode,
    responseSelection: f.responseSelection,
    isActive: f.isActive,
    kind: f.kind,
    bucket: f.bucket.trim() || null,
    crudKey: f.crudKey.trim(),
  };
}

/** Path parameter names in order, for the "{param}" help under the path field. */
export function pathParams(path: string): string[] {
  return path
    .split('/')
    .map((seg) => /^\{([^{}]+)\}$/.exec(seg)?.[1] ?? /^:(.+)$/.exec(seg)?.[1])
    .filter((n): n is string => Boolean(n));
}

/**
 * The folded "Mock settings" line: every setting that differs from a new mock's, so folding
 * the settings away never hides one silently. The route itself comes first, apart.
 */
export function mockSettingsFlags(
  f: MockForm,
  extra: { plugins: number; chaos: string | null } = { plugins: 0, chaos: null },
): string[] {
  const flags: string[] = [];
  if (!f.isActive) flags.push('inactive');
  if (f.name.trim() && f.name.trim() !== defaultMockName(f)) flags.push(`“${f.name.trim()}”`);
  if (f.kind === 'crud') flags.push(f.bucket ? `CRUD on ${f.bucket}` : 'CRUD, no bucket');
  if (f.responseType !== 'json') flags.push(f.responseType.toUpperCase());
  const delay = toNumber(f.responseDelay);
  if (delay > 0) flags.push(`${delay} ms delay`);
  if (f.kind !== 'crud') {
    if (f.responseMode !== 'random') flags.push(MOCK_MODE_LABELS[f.responseMode].toLowerCase());
    if (f.responseSelection === 'first') flags.push('first match wins');
  }
  if (extra.plugins > 0) flags.push(extra.plugins === 1 ? '1 plugin' : `${extra.plugins} plugins`);
  if (extra.chaos) flags.push(`chaos: ${extra.chaos}`);
  return flags;
}

// Short, so the select fits a narrow window; the help under it says what each does.
export const MOCK_MODE_LABELS: Record<ResponseMode, string> = {
  random: 'Random',
  sequential: 'Sequential',
  disable_rules: 'Disable rules',
  fallback: 'Fallback',
};
