import { z } from 'zod';
import {
  aiPromptSchema,
  byokUpdateSchema,
  type AiConnectionTest,
  type ByokView,
  type GeneratedEndpoint,
  type GeneratedMockData,
} from '../models';
import { call, reads, writes } from './call-meta';

/**
 * The AI block of the IPC contract (spread into `calls` in contract.ts): generation with the
 * user's own provider and key (docs/ai.md), and the BYOK settings. Results never hold the key.
 */

const none = z.object({}).strict().optional();

export const aiCalls = {
  'ai.generateProject': call(
    aiPromptSchema,
    // Changes nothing here, but sends the prompt to the configured provider and spends its tokens.
    writes(
      "Asks the configured AI provider for a mock API from a description: endpoints (method, route, description) with scenarios (name, status, responseBody). Creates nothing: pass the answer as `endpoints` to projects.batchCreate. The description is sent to the user's provider and counts against the monthly token limit.",
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<GeneratedEndpoint[]>(),
  'ai.generateMockData': call(
    aiPromptSchema,
    writes(
      "Asks the configured AI provider for realistic JSON mock data (an object or an array) from a description. The description is sent to the user's provider and counts against the monthly token limit.",
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<GeneratedMockData>(),
  'ai.byok': call(
    none,
    reads(
      'Shows the AI provider settings (provider, base URL, model, monthly token limit, the key masked) and the tokens used this month.',
      'rest',
      'cli',
    ),
  ).returns<ByokView>(),
  'ai.setByok': call(
    byokUpdateSchema,
    writes(
      'Sets the AI provider (openai, ollama, lmstudio, custom), its base URL, model, monthly token limit and API key (kept in the system keychain).',
      'rest',
      'cli',
    ),
  ).returns<ByokView>(),
  'ai.deleteByok': call(
    none,
    writes('Removes the AI provider settings and its API key from the keychain.', 'rest', 'cli'),
  ).returns<{ success: true; message: string }>(),
  'ai.testConnection': call(
    none,
    writes('Sends one tiny request to the configured AI provider to check its URL, key and model.', 'cli'),
  ).returns<AiConnectionTest>(),
};
