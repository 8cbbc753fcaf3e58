import $RefParser from '@apidevtools/json-schema-ref-parser';
import type { ImportSkip } from '../../../../../shared/models';
import { AppError } from '../../../util/errors';

/**
 * Resolves a document's `$ref`s in place (json-schema-ref-parser, circular refs kept as
 * object cycles) WITHOUT fetching anything: an import never reads a file or the network on
 * the document's say-so. External refs (`other.yaml#/X`, `https://…`) and local ones that
 * point nowhere are replaced by an empty schema and listed as skipped, so one bad ref does
 * not sink the import.
 */
export async function dereferenceLocal(doc: Record<string, unknown>): Promise<{ skipped: ImportSkip[] }> {
  const skipped = neutralizeUnresolvable(doc);
  try {
    await $RefParser.dereference(doc, {
      resolve: { external: false, file: false, http: false },
      dereference: { circular: true },
      mutateInputSchema: true,
      // A safety bound on a hostile document; GitHub's 13 MB description takes about a second.
      timeoutMs: 60_000,
    });
  } catch (e) {
    throw new AppError('VALIDATION_ERROR', `the document's $refs cannot be resolved: ${(e as Error).message}`, {
      field: 'content',
      hint: 'fix the $ref named above, or bundle the document into one file (e.g. `redocly bundle`)',
    });
  }
  return { skipped };
}

const MAX_SKIPPED_REFS = 200;

/** Walks the document once (iteratively: no stack overflow on deep YAML) checking every `$ref`. */
function neutralizeUnresolvable(root: Record<string, unknown>): ImportSkip[] {
  const skipped: ImportSkip[] = [];
  let more = 0;
  const note = (where: string, ref: string, reason: string): void => {
    if (skipped.length < MAX_SKIPPED_REFS) skipped.push({ where, what: `$ref ${ref}`, reason });
    else more++;
  };
  const seen = new Set<object>();
  const todo: [Record<string, unknown> | unknown[], string][] = [[root, '#']];
  while (todo.length > 0) {
    const [node, where] = todo.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (!Array.isArray(node) && typeof node.$ref === 'string') {
      const ref = node.$ref;
      if (!ref.startsWith('#')) {
        note(where, ref, 'external references are not fetched: bundle the document into one file first');
        replaceRef(node);
      } else if (resolvePointer(root, ref) === undefined) {
        note(where, ref, 'points to nothing in the document');
        replaceRef(node);
      }
    }
    const entries: [string, unknown][] = Array.isArray(node)
      ? node.map((v, i) => [String(i), v])
      : Object.entries(node);
    for (const [k, v] of entries) {
      const key = k.replace(/~/g, '~0').replace(/\//g, '~1');
      if (typeof v === 'object' && v !== null) todo.push([v as Record<string, unknown>, `${where}/${key}`]);
    }
  }
  if (more > 0) skipped.push({ where: '#', what: `${more} more $refs`, reason: 'external or pointing to nothing' });
  return skipped;
}

function replaceRef(node: Record<string, unknown>): void {
  delete node.$ref;
}

/** RFC 6901 JSON pointer in a URI fragment ("#/components/schemas/Pet"). */
export function resolvePointer(root: unknown, ref: string): unknown {
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === '') return root;
  if (!fragment.startsWith('/')) return undefined;
  let cur: unknown = root;
  for (const raw of fragment.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof cur !== 'object' || cur === null || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
