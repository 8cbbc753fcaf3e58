import { registerAiHandlers } from './ai';
import { registerAppHandlers } from './app';
import { registerBucketHandlers } from './buckets';
import { registerCloudHandlers } from './cloud';
import { registerFederationHandlers } from './federation';
import { registerMockHandlers } from './mocks';
import { registerPipelineHandlers } from './pipelines';
import { registerProjectHandlers } from './projects';
import { registerRequestLogHandlers } from './request-logs';
import { registerResponseHandlers } from './responses';
import { createRouter, type Router, type RouterOptions } from './router';
import { registerScenarioHandlers } from './scenarios';
import { registerServerHandlers } from './server';
import { registerStatsHandlers } from './stats';
import { registerTemplatingHandlers } from './templating';
import { registerExplainHandlers } from './request-explain';
import { registerPluginHandlers } from './plugins';

export type { AppEnv, HandlerContext, HandlerCore, Logger, TransportKind } from './context';
export { createRouter, INTERNAL_MESSAGE, type Dispatcher, type Handler, type Router } from './router';

/** A feature's handlers: it registers each of its calls once (the router refuses duplicates). */
export type HandlerModule = (router: Router) => void;

/** Every feature module. Adding a feature is one line here plus its calls in the contract. */
export const HANDLER_MODULES: readonly HandlerModule[] = [
  registerAppHandlers,
  registerProjectHandlers,
  registerMockHandlers,
  registerResponseHandlers,
  registerBucketHandlers,
  registerTemplatingHandlers,
  registerRequestLogHandlers,
  registerExplainHandlers,
  registerPluginHandlers,
  registerStatsHandlers,
  registerScenarioHandlers,
  registerServerHandlers,
  registerCloudHandlers,
  registerAiHandlers,
  registerPipelineHandlers,
  registerFederationHandlers,
];

/** The full handler table over one Core, as every transport serves it. */
export function createAppRouter(opts: RouterOptions, modules: readonly HandlerModule[] = HANDLER_MODULES): Router {
  const router = createRouter(opts);
  for (const register of modules) register(router);
  return router;
}
