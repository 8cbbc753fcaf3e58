import { z } from 'zod';
import type { CloudHttp } from './http';
import {
  authResultSchema,
  createdTokenSchema,
  deploymentLogSchema,
  deploymentMetricsSchema,
  deploymentSchema,
  deploymentStatusResultSchema,
  healthSchema,
  organizationSchema,
  rotatedTokenSchema,
  subscriptionSchema,
  successSchema,
  tokenInfoSchema,
  usageSchema,
} from './schemas';

const anyBody = z.unknown();

/** The MockForge endpoints (docs/reference/mockforge-cloud-api.md), one typed method each. */
export class MockForgeApi {
  constructor(private readonly http: CloudHttp) {}

  health() {
    return this.http.request({
      method: 'GET',
      path: '/health',
      schema: healthSchema,
      what: 'health check',
      auth: false,
      timeoutMs: 10_000,
    });
  }

  register(body: { username: string; email: string; password: string }) {
    return this.http.request({
      method: 'POST',
      path: '/api/v1/auth/register',
      body,
      schema: authResultSchema,
      what: 'registration',
      auth: false,
    });
  }

  login(body: { email: string; password: string }) {
    // Repeating a login is harmless, so a dropped answer may be retried.
    return this.http.request({
      method: 'POST',
      path: '/api/v1/auth/login',
      body,
      schema: authResultSchema,
      what: 'sign-in',
      auth: false,
      idempotent: true,
    });
  }

  refresh(token: string) {
    return this.http.request({
      method: 'POST',
      path: '/api/v1/auth/token/refresh',
      body: { token },
      schema: authResultSchema,
      what: 'session refresh',
      auth: false,
      idempotent: true,
    });
  }

  organizations() {
    return this.http.request({
      method: 'GET',
      path: '/api/v1/organizations',
      schema: z.array(organizationSchema),
      what: 'organizations',
    });
  }

  organization(id: string) {
    return this.http.request({
      method: 'GET',
      path: `/api/v1/organizations/${enc(id)}`,
      schema: organizationSchema,
      what: 'organization',
    });
  }

  createToken(body: { name: string; scopes: string[]; expires_at?: string }) {
    return this.http.request({
      method: 'POST',
      path: '/api/v1/tokens',
      body,
      schema: createdTokenSchema,
      what: 'API token',
    });
  }

  listTokens() {
    return this.http.request({
      method: 'GET',
      path: '/api/v1/tokens',
      schema: z.array(tokenInfoSchema),
      what: 'API tokens',
    });
  }

  deleteToken(id: string) {
    return this.http.request({
      method: 'DELETE',
      path: `/api/v1/tokens/${enc(id)}`,
      schema: successSchema,
      what: 'API token',
    });
  }

  rotateToken(id: string, body: { new_name?: string; delete_old?: boolean }) {
    return this.http.request({
      method: 'POST',
      path: `/api/v1/tokens/${enc(id)}/rotate`,
      body,
      schema: rotatedTokenSchema,
      what: 'API token rotation',
    });
  }

  rotationStatus() {
    return this.http.request({
      method: 'GET',
      path: '/api/v1/tokens/rotation-status',
      schema: z.array(tokenInfoSchema.partial({ scopes: true })),
      what: 'token rotation status',
    });
  }

  createDeployment(body: {
    name: string;
    slug: string;
    project_id: string;
    description?: string;
    config_json?: Record<string, unknown>;
  }) {
    return this.http.request({
      method: 'POST',
      path: '/api/v1/deployments',
      body,
      schema: deploymentSchema,
      what: 'deployment',
    });
  }

  listDeployments(query: { status?: string; project_id?: string } = {}) {
    return this.http.request({
      method: 'GET',
      path: '/api/v1/deployments',
      query,
      schema: z.array(deploymentSchema),
      what: 'deployments',
    });
  }

  getDeployment(id: string) {
    return this.http.request({
      method: 'GET',
      path: `/api/v1/deployments/${enc(id)}`,
      schema: deploymentSchema,
      what: 'deployment',
    });
  }

  setDeploymentStatus(id: string, status: 'active' | 'stopped') {
    return this.http.request({
      method: 'PUT',
      path: `/api/v1/deployments/${enc(id)}/status`,
      body: { status },
      schema: deploymentStatusResultSchema,
      what: 'deployment status',
    });
  }

  deleteDeployment(id: string) {
    return this.http.request({
      method: 'DELETE',
      path: `/api/v1/deployments/${enc(id)}`,
      schema: successSchema,
      what: 'deployment',
    });
  }

  deploymentLogs(id: string, query: { level?: string; limit?: number } = {}) {
    return this.http.request({
      method: 'GET',
      path: `/api/v1/deployments/${enc(id)}/logs`,
      query,
      schema: z.array(deploymentLogSchema),
      what: 'deployment logs',
    });
  }

  deploymentMetrics(id: string, query: { start_time?: string; end_time?: string } = {}) {
    return this.http.request({
      method: 'GET',
      path: `/api/v1/deployments/${enc(id)}/metrics`,
      query,
      schema: deploymentMetricsSchema,
      what: 'deployment metrics',
    });
  }

  usage() {
    return this.http.request({ method: 'GET', path: '/api/v1/usage', schema: usageSchema, what: 'usage' });
  }

  subscription() {
    return this.http.request({
      method: 'GET',
      path: '/api/v1/billing/subscription',
      schema: subscriptionSchema,
      what: 'subscription',
    });
  }

  /** For endpoints whose body the caller does not need. */
  raw(method: 'GET' | 'DELETE', path: string) {
    return this.http.request({ method, path, schema: anyBody, what: path });
  }
}

export const enc = (s: string): string => encodeURIComponent(s);
