import { z } from 'zod';
import type { TeamRole } from '../../../../shared/ipc/cloud-team';
import { enc } from '../api';
import type { CloudHttp } from '../http';
import {
  auditEntrySchema,
  invitationSchema,
  meSchema,
  memberPageSchema,
  memberSchema,
  mockbirdOrgSchema,
  profileResultSchema,
  removedSchema,
} from './schemas';

/** MockBird §1–2 and the MockForge audit log, one typed method each (under /api/v1, like projects). */
export class TeamApi {
  constructor(private readonly http: CloudHttp) {}

  me() {
    return this.http.request({ method: 'GET', path: '/api/v1/auth/me', schema: meSchema, what: 'profile' });
  }

  updateProfile(body: { firstName?: string; lastName?: string }) {
    return this.http.request({
      method: 'PATCH',
      path: '/api/v1/auth/profile',
      body,
      schema: profileResultSchema,
      what: 'profile',
    });
  }

  createOrganization(body: { name: string; slug?: string }) {
    return this.http.request({
      method: 'POST',
      path: '/api/v1/organizations',
      body,
      schema: mockbirdOrgSchema,
      what: 'organization',
    });
  }

  members(orgId: string, page: { limit: number; offset: number }) {
    return this.http.request({
      method: 'GET',
      path: `/api/v1/organizations/${enc(orgId)}/members`,
      query: page,
      schema: memberPageSchema,
      what: 'member list',
    });
  }

  invite(orgId: string, body: { emailAddress: string; role: TeamRole }) {
    return this.http.request({
      method: 'POST',
      path: `/api/v1/organizations/${enc(orgId)}/invitations`,
      body,
      schema: invitationSchema,
      what: 'invitation',
    });
  }

  setRole(orgId: string, membershipId: string, role: TeamRole) {
    return this.http.request({
      method: 'PUT',
      path: `/api/v1/organizations/${enc(orgId)}/members/${enc(membershipId)}`,
      body: { role },
      schema: memberSchema.partial({ joinedAt: true }),
      what: 'role change',
    });
  }

  removeMember(orgId: string, membershipId: string) {
    return this.http.request({
      method: 'DELETE',
      path: `/api/v1/organizations/${enc(orgId)}/members/${enc(membershipId)}`,
      schema: removedSchema,
      what: 'member removal',
    });
  }

  auditLogs(orgId: string, q: { limit: number; offset: number; event_type?: string; user_id?: string }) {
    return this.http.request({
      method: 'GET',
      path: `/api/v1/organizations/${enc(orgId)}/audit-logs`,
      query: q,
      schema: z.array(auditEntrySchema),
      what: 'audit log',
    });
  }
}
