/**
 * A URL worth pasting into a terminal right after deploying: the deployment's URL plus the
 * path of a mock that needs no parameters (a GET one first), or the bare URL when none does.
 */
export function exampleUrl(base: string, mocks: readonly { path: string; method?: string }[] = []): string {
  const plain = mocks.filter((m) => !m.path.includes('{') && !m.path.includes(':') && !m.path.includes('*'));
  const pick = plain.find((m) => !m.method || m.method === 'GET') ?? plain[0];
  return pick ? `${base.replace(/\/+$/, '')}${pick.path.startsWith('/') ? '' : '/'}${pick.path}` : base;
}
