/** Where the core sends what it cannot return: surprises worth a developer's attention. */
export interface Logger {
  error(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
}

export const consoleLogger: Logger = {
  error: (message, details) => console.error(`[mockdeck] ${message}`, details ?? ''),
  warn: (message, details) => console.warn(`[mockdeck] ${message}`, details ?? ''),
};
