import type { SqliteDb } from './connection';

/** Tokens one calendar month's AI generations used, as the provider counted them. */
export interface AiMonthUsage {
  /** "2026-11" (UTC). */
  month: string;
  promptTokens: number;
  completionTokens: number;
  requests: number;
}

/** The per-month token count the monthly limit is checked against (catalog migration 12). */
export class AiUsageRepo {
  constructor(private readonly db: SqliteDb) {}

  get(month: string): AiMonthUsage {
    const row = this.db
      .prepare('SELECT prompt_tokens AS p, completion_tokens AS c, requests AS r FROM ai_token_usage WHERE month = ?')
      .get(month) as { p: number; c: number; r: number } | undefined;
    return { month, promptTokens: row?.p ?? 0, completionTokens: row?.c ?? 0, requests: row?.r ?? 0 };
  }

  /** Adds one provider call's tokens in one statement, so two generations at once both count. */
  add(month: string, promptTokens: number, completionTokens: number): void {
    this.db
      .prepare(
        `INSERT INTO ai_token_usage (month, prompt_tokens, completion_tokens, requests) VALUES (?, ?, ?, 1)
         ON CONFLICT(month) DO UPDATE SET prompt_tokens = prompt_tokens + excluded.prompt_tokens,
           completion_tokens = completion_tokens + excluded.completion_tokens, requests = requests + 1`,
      )
      .run(month, promptTokens, completionTokens);
  }
}
