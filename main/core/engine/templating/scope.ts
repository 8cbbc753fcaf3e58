import type { Faker } from '@faker-js/faker';
import type { Project } from '../../../../shared/models';
import type { ProjectRuntime } from '../runtime';
import type { EngineRequest, RequestView } from '../types';
import { TemplateError } from './errors';

/** What bounds one render: a runaway template is cut off, not left to hold the server. */
export interface TemplateLimits {
  /** Wall time one render may take (body and headers together). */
  readonly timeMs: number;
  /** Characters the rendered body (or one header value) may have. */
  readonly outputChars: number;
  /**
   * Characters all helpers of one render may produce together, nested output counted at
   * every level: what stops a loop nested in a loop before it fills memory.
   */
  readonly workChars: number;
  /** Largest length or count a faker call (string, lorem, word, helpers modules) may ask for. */
  readonly fakerSize: number;
}

export const DEFAULT_TEMPLATE_LIMITS: TemplateLimits = Object.freeze({
  timeMs: 500,
  outputChars: 10 * 1024 * 1024,
  workChars: 40 * 1024 * 1024,
  fakerSize: 10_000,
});

/**
 * Everything a helper reads while one template renders: the request (and its body, parsed
 * at most once), the project's runtime and faker, and what is left of the render's budget.
 * Handlebars renders synchronously and never re-enters a render, so the scope of the render
 * in progress is a module variable: the helpers are registered once, not made per request.
 */
export interface RenderScope {
  readonly view: RequestView;
  readonly req: EngineRequest;
  readonly params: Record<string, string>;
  readonly project: Project;
  readonly runtime: ProjectRuntime;
  readonly faker: Faker;
  readonly limits: TemplateLimits;
  readonly deadline: number;
  /** Characters helpers produced so far (charged by the helper guard). */
  work: number;
  /** The body as templates see it (Mockoon's request.body), parsed on first use. */
  body?: { value: unknown } | undefined;
}

let current: RenderScope | null = null;

/** Runs `fn` with `scope` as the render in progress. */
export function withScope<T>(scope: RenderScope, fn: () => T): T {
  const outer = current;
  current = scope;
  try {
    return fn();
  } finally {
    current = outer;
  }
}

export function scope(): RenderScope {
  if (current === null) throw new Error('a template helper ran outside a render');
  return current;
}

/** Throws once the render has run past its time. */
export function checkTime(s: RenderScope): void {
  if (performance.now() > s.deadline) {
    throw new TemplateError(
      `the template took longer than ${s.limits.timeMs} ms to render and was stopped: look for a repeat or each with a large count`,
    );
  }
}

/** Counts `chars` more produced characters against the render's budget. */
export function charge(s: RenderScope, chars: number): void {
  s.work += chars;
  if (s.work > s.limits.workChars) {
    throw new TemplateError(
      `the template produced more than ${s.limits.workChars} characters while rendering and was stopped: look for a repeat or each with a large count`,
    );
  }
}

/** Refuses to make a string longer than one output may be. */
export function checkSize(s: RenderScope, chars: number, what: string): void {
  if (chars > s.limits.outputChars) {
    throw new TemplateError(
      `${what} would be ${chars} characters long, over the limit of ${s.limits.outputChars}: use a smaller count or length`,
    );
  }
}
