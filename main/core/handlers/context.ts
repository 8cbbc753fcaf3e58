import type { AppInfo } from '../../../shared/ipc/contract';
import type { Catalog } from '../catalog/catalog';
import type { Cloud } from '../cloud/cloud';
import type { MockServerApi } from '../server/types';
import type { Store } from '../store/store';

/** Which transport a call arrived through; `app.info` reports it. */
export type TransportKind = AppInfo['transport'];

/**
 * The part of Core handlers use. Typed structurally so a handler module depends on the
 * services it calls, not on how Core assembles them.
 */
export interface HandlerCore {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly server: MockServerApi;
  /** The app's Cloud, built on first use (the keychain is probed then, not at startup). */
  cloud(): Promise<Cloud>;
}

/** Facts about the running app that only the shell knows (Electron's version, the data dir). */
export interface AppEnv {
  version: string;
  dataDir: string | null;
  platform: string;
}

/** Where handlers send what they cannot return: surprises worth a developer's attention. */
export interface Logger {
  error(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
}

export const consoleLogger: Logger = {
  error: (message, details) => console.error(`[mockdeck] ${message}`, details ?? ''),
  warn: (message, details) => console.warn(`[mockdeck] ${message}`, details ?? ''),
};

/** Everything a handler may reach; one per call, so `transport` is always the caller's. */
export interface HandlerContext {
  readonly core: HandlerCore;
  readonly app: AppEnv;
  readonly transport: TransportKind;
}
