/**
 * Where a service sends what it cannot return: surprises worth a developer's attention.
 * Kept in util (the lowest core layer) so the handlers, the event hub and the transports can
 * all take one without importing each other.
 */
export interface Logger {
  error(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
}

export const consoleLogger: Logger = {
  error: (message, details) => console.error(`[mockdeck] ${message}`, details ?? ''),
  warn: (message, details) => console.warn(`[mockdeck] ${message}`, details ?? ''),
};
