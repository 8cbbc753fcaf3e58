import type { MarketKind } from '../../../shared/models';
import { CloudRequestError } from '../cloud/errors';
import { AppError } from '../util/errors';

const SINGULAR: Record<MarketKind, string> = { scenarios: 'scenario', templates: 'template', plugins: 'plugin' };
export const singular = (kind: MarketKind): string => SINGULAR[kind];

/**
 * Gives the marketplace's error codes a message that says what to do. The cloud client's
 * mapping (cloud/errors.ts) already explains status codes; here the code names the item.
 */
export function explainMarketError(e: unknown, kind: MarketKind, name: string, version?: string): unknown {
  if (!(e instanceof CloudRequestError)) return e;
  const code = e.info.cloudCode;
  const what = `${singular(kind)} "${name}"`;
  if (code === 'PLUGIN_NOT_FOUND' || code === 'TEMPLATE_NOT_FOUND' || code === 'SCENARIO_NOT_FOUND') {
    return new AppError('NOT_FOUND', `The marketplace has no ${what}${version ? ` version ${version}` : ''}.`, {
      hint: `Check the spelling, or find it with \`mockdeck market search ${name} --kind ${kind}\`.`,
      cause: e,
    });
  }
  if (code === 'VERSION_NOT_FOUND') {
    return new AppError('NOT_FOUND', `The ${what} has no version ${version ?? '(asked for)'}.`, {
      hint: `List its versions with \`mockdeck market show ${kind} ${name}\`, or install without @VERSION for the latest.`,
      cause: e,
    });
  }
  if (e.info.status === 409) {
    return new AppError('CONFLICT', `The marketplace already has ${what}${version ? ` version ${version}` : ''}.`, {
      hint: 'Publish a higher version (--version), or choose another name.',
      cause: e,
    });
  }
  if (code === 'RESOURCE_LIMIT_EXCEEDED') {
    return new AppError('FORBIDDEN', `${e.message}`, {
      hint: `Your plan allows no more ${kind}: upgrade it (mockdeck cloud usage shows the plan), or publish in another organization.`,
      cause: e,
    });
  }
  return e;
}

/** A package refused on install: names the reason; nothing was changed. */
export class PackageRefused extends AppError {
  constructor(
    readonly reason: string,
    hint = 'Ask the author to publish a fixed version; nothing was installed or changed.',
  ) {
    super('VALIDATION_ERROR', `Refused the package: ${reason}`, { hint });
    this.name = 'PackageRefused';
  }
}
