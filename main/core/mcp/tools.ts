import { z } from 'zod';
import { calls, type CallName } from '../../../shared/ipc/contract';

/**
 * The MCP tools are the contract's calls that allow the 'mcp' transport (shared/ipc/call-meta.ts):
 * one definition of each use case, whether the UI, REST, the CLI or an assistant makes it.
 * A call's description becomes the tool's; its zod input schema becomes the tool's JSON
 * Schema. The names coding agents expect (Mockoon's and other MCP servers' vocabulary) are
 * given here; every other call gets its own name in snake_case ("projects.batchCreate" →
 * "projects_batch_create").
 */
export const TOOL_NAMES: Partial<Record<CallName, string>> = {
  'projects.list': 'list_projects',
  'projects.get': 'get_project',
  'projects.create': 'create_project',
  'projects.import': 'import_spec',
  'mocks.create': 'create_mock',
  'mocks.update': 'update_mock',
  'mocks.delete': 'delete_mock',
  'responses.create': 'add_response',
  'responses.update': 'update_response',
  'requestLogs.list': 'get_request_logs',
  'requestLogs.explain': 'explain_request',
  'server.status': 'server_status',
};
/** Calls added by features that may be absent from a build (AI generation needs its module). */
const OPTIONAL_TOOL_NAMES: Record<string, string> = { 'ai.generateProject': 'generate_project' };

export interface McpTool {
  name: string;
  call: CallName;
  description: string;
  inputSchema: { type: 'object'; [key: string]: unknown };
  /** The call's input may be absent: empty arguments are sent as no input. */
  optionalInput: boolean;
  annotations: { readOnlyHint: boolean; destructiveHint: boolean };
}

const snake = (call: string) =>
  call
    .replace(/\./g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();

export function toolNameOf(call: CallName): string {
  return TOOL_NAMES[call] ?? OPTIONAL_TOOL_NAMES[call] ?? snake(call);
}

/** Every contract call an assistant may make, as an MCP tool (built once per server). */
export function contractTools(): McpTool[] {
  const tools: McpTool[] = [];
  for (const name of Object.keys(calls) as CallName[]) {
    const spec = calls[name];
    if (!spec.meta.transports.includes('mcp')) continue;
    tools.push({
      name: toolNameOf(name),
      call: name,
      description: spec.meta.description,
      inputSchema: objectSchemaOf(spec.input),
      optionalInput: spec.input.safeParse(undefined).success,
      annotations: {
        readOnlyHint: !spec.meta.mutates,
        destructiveHint: /\.(delete|clear|reset)$/.test(name),
      },
    });
  }
  return tools;
}

/**
 * MCP tools take an object of arguments: an input that may be absent (`z.object().optional()`)
 * is given as its object, and a call without input as an empty object.
 */
function objectSchemaOf(input: z.ZodType): McpTool['inputSchema'] {
  const json = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  if (json.type === 'object') return json as McpTool['inputSchema'];
  const variants = (json.anyOf ?? json.oneOf) as Record<string, unknown>[] | undefined;
  const object = variants?.find((v) => v.type === 'object');
  if (object) return object as McpTool['inputSchema'];
  return { type: 'object', properties: {}, additionalProperties: false };
}
