import { AppError } from '../../util/errors';
import { CloudRequestError } from '../errors';

/** What the team call was doing, for the words of its error. */
export interface TeamAction {
  /** "invite people", "change roles", "remove members", "read the audit log"… */
  verb: string;
  org?: string | undefined;
  member?: string | undefined;
  email?: string | undefined;
  slug?: string | undefined;
}

/**
 * Rewrites the documented 403/404/409 answers of the team endpoints into what happened and
 * what to do about it. Anything else (offline, 5xx, validation) keeps the cloud client's words.
 * A refusal is FORBIDDEN, not CLOUD_ERROR: the cloud works, so the screens offer no "is the
 * cloud down?" link, and REST answers it as a 403.
 */
export function explainTeamError(e: unknown, a: TeamAction): unknown {
  if (!(e instanceof CloudRequestError)) return e;
  const { status, cloudCode } = e.info;
  const reason = e.info.details?.reason;
  const org = a.org ? `"${a.org}"` : 'this organization';
  const keep = { cause: e };
  if (status === 403 && cloudCode === 'PERMISSION_DENIED') {
    if (reason === 'not_member')
      return new AppError('FORBIDDEN', `You are not a member of ${org} (any more), so you cannot ${a.verb}.`, {
        ...keep,
        hint: 'Pick another organization in the switcher, or ask an admin of it to invite you again.',
      });
    if (reason === 'insufficient_role')
      return new AppError('FORBIDDEN', `Only admins and the owner of ${org} can ${a.verb}; you are a member.`, {
        ...keep,
        hint: 'Ask an admin or the owner to do it, or to make you an admin.',
      });
    if (reason === 'owner')
      return new AppError('FORBIDDEN', `The owner of ${org} keeps the owner role and cannot be removed.`, {
        ...keep,
        hint: 'Change the role of, or remove, someone else.',
      });
    if (/admin.{1,3}scope/i.test(e.message))
      return new AppError('FORBIDDEN', `The API token in use lacks the "admin" scope needed to ${a.verb}.`, {
        ...keep,
        hint: 'Use a token with the admin scope, or sign in with your password.',
      });
  }
  if (status === 404 && cloudCode === 'MEMBERSHIP_NOT_FOUND')
    return new AppError('NOT_FOUND', `${a.member ?? 'That member'} is no longer a member of ${org}.`, {
      ...keep,
      hint: 'Refresh the member list: someone may have removed them already.',
    });
  if (status === 404 && cloudCode === 'ORGANIZATION_NOT_FOUND')
    return new AppError('NOT_FOUND', `The organization ${org} no longer exists in the cloud.`, {
      ...keep,
      hint: 'Pick another organization in the switcher.',
    });
  if (status === 409 && a.email)
    return new AppError('CONFLICT', `"${a.email}" is already a member of ${org}.`, {
      ...keep,
      field: 'email',
      hint: 'Change their role in the member list instead of inviting them again.',
    });
  if (status === 409 && e.info.details?.field === 'slug')
    return new AppError('CONFLICT', `The organization slug "${a.slug ?? ''}" is already taken.`, {
      ...keep,
      field: 'slug',
      hint: 'Choose another slug, or leave it empty to have one made from the name.',
    });
  return e;
}
