import { describe, expect, it } from 'vitest';
import { teamCalls } from '../../../shared/ipc/cloud-team';
import { explainTeamError } from '../../../main/core/cloud/team/explain';
import { errorFromBody } from '../../../main/core/cloud/errors';
import { auditEntryView, memberName, readableValue } from '../../../main/core/cloud/team/views';

describe('team views', () => {
  it('reads audit metadata as text: lists joined, objects as JSON, nothing as a dash, long values cut', () => {
    expect(readableValue('pro')).toBe('pro');
    expect(readableValue(3)).toBe('3');
    expect(readableValue(false)).toBe('false');
    expect(readableValue(null)).toBe('—');
    expect(readableValue(['read', 'write'])).toBe('read, write');
    expect(readableValue({ a: [1, { b: 2 }] })).toBe('{"a":[1,{"b":2}]}');
    const long = readableValue('x'.repeat(2000));
    expect(long).toHaveLength(501);
    expect(long.endsWith('…')).toBe(true);
  });

  it('keeps at most 50 metadata fields and names known users', () => {
    const metadata = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, i]));
    const v = auditEntryView(
      {
        id: 'e1',
        user_id: 'u1',
        event_type: 'x',
        description: 'd',
        metadata,
        ip_address: null,
        user_agent: null,
        created_at: '2026-01-01T00:00:00Z',
      },
      new Map([['u1', 'Ada Lovelace']]),
    );
    expect(v.metadata).toHaveLength(50);
    expect(v.metadata[0]).toEqual({ key: 'k0', value: '0' });
    expect(v.userName).toBe('Ada Lovelace');
  });

  it('names a member by first and last name, else by email', () => {
    expect(memberName({ firstName: 'Ada', lastName: null, email: 'a@x.io' })).toBe('Ada');
    expect(memberName({ firstName: ' ', lastName: null, email: 'a@x.io' })).toBe('a@x.io');
  });
});

describe('team contract and errors', () => {
  it('profile.update refuses an empty or blank change before any request', () => {
    const schema = teamCalls['profile.update'].input;
    expect(schema.safeParse({}).error?.issues[0]?.message).toMatch(/first name, a last name or both/);
    expect(schema.safeParse({ lastName: '  ' }).error?.issues[0]?.message).toBe('a name cannot be blank');
    expect(schema.safeParse({ lastName: 'Doe' }).success).toBe(true);
  });

  it('takes roles as member/admin or org:member/org:admin, nothing else', () => {
    const schema = teamCalls['team.setRole'].input;
    expect(schema.parse({ member: 'a@b.c', role: 'admin' }).role).toBe('org:admin');
    expect(schema.parse({ member: 'a@b.c', role: 'org:member' }).role).toBe('org:member');
    expect(schema.safeParse({ member: 'a@b.c', role: 'org:owner' }).success).toBe(false);
  });

  it('leaves errors it has no better words for as they are', () => {
    const e = errorFromBody(500, { error: 'boom', error_code: 'INTERNAL_ERROR', status: 500, details: {} }, 'x');
    expect(explainTeamError(e, { verb: 'do it' })).toBe(e);
    const plain = new Error('not a cloud error');
    expect(explainTeamError(plain, { verb: 'do it' })).toBe(plain);
    const denied = errorFromBody(403, { error: 'no', error_code: 'PERMISSION_DENIED', status: 403, details: {} }, 'x');
    expect(explainTeamError(denied, { verb: 'do it' })).toBe(denied);
  });
});
