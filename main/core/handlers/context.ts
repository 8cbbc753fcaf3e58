import type { PluginService } from '../plugins';
import type { Recorder } from '../proxy/recorder';
import type { Transport } from '../../../shared/ipc/contract';
import type { AiService } from '../ai/ai-service';
import type { Catalog } from '../catalog/catalog';
import type { PipelineService } from '../pipelines/service';
import type { Cloud } from '../cloud/cloud';
import type { FederationDefinitions } from '../federation/federations';
import type { MockServerApi } from '../server/types';
import type { InstallProgressFeed } from '../marketplace/progress-feed';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';

/** Which transport a call arrived through; `app.info` reports it, the router checks it against the call's metadata. */
export type TransportKind = Transport;

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
  readonly clock: Clock;
  /** AI generation with the user's own key (docs/ai.md). */
  readonly ai: AiService;
  /** The proxy's recorder, for what record mode did (docs/proxy.md). */
  readonly proxy: { readonly recorder: Pick<Recorder, 'statusOf'> };
  /** Installed WebAssembly plugins and which projects and mocks run them. */
  readonly plugins: Pick<PluginService, 'store' | 'bindings' | 'install' | 'remove' | 'setBindings'>;
  /** Pipelines (docs/pipelines.md). */
  readonly pipelines: PipelineService;
  /** Federations of projects (docs/federation.md). */
  readonly federations: FederationDefinitions;
  /** Where marketplace installs report their progress (the event `market.installProgress`). */
  readonly marketProgress: Pick<InstallProgressFeed, 'report' | 'forget'>;
}

/** Facts about the running app that only the shell knows (Electron's version, the data dir). */
export interface AppEnv {
  version: string;
  dataDir: string | null;
  platform: string;
  /**
   * Serving project files read-only (`mockdeck serve --project`): calls that change
   * anything are refused over REST and MCP, so stateless replicas stay identical.
   */
  readOnly?: boolean;
}

// Handler modules take their Logger from here; it lives in util so that the event hub and
// the transports need not import handlers to get one.
export { consoleLogger, type Logger } from '../util/logger';

/** Everything a handler may reach; one per call, so `transport` is always the caller's. */
export interface HandlerContext {
  readonly core: HandlerCore;
  readonly app: AppEnv;
  readonly transport: TransportKind;
  /**
   * Aborted when the caller cancels. Long calls (sync, deploy) check it between requests and
   * hand it to fetch; others may ignore it. Never undefined, so handlers need no guard.
   */
  readonly signal: AbortSignal;
  /** The transport's id for this request (REST: X-Request-Id), when it has one. */
  readonly requestId: string | undefined;
}
