import type { StageStep } from '../types';
import type { RendererCompiler, ResponseStage } from './stage';

/**
 * Makes the picked response's body (and headers) for this request with the renderer its
 * response was compiled to (CompiledResponse.render; templating plugs in there through the
 * pipeline's RendererCompiler). A mock none of whose responses has a renderer skips this stage.
 */
export const renderStage: ResponseStage = {
  name: 'render',
  forMock: (cm) => (cm.responses.some((r) => r.render !== null) ? render : undefined),
};

const render: StageStep = (x) => {
  const r = x.response?.render;
  if (r) r(x);
  return undefined;
};

/** Every stored body is sent as it is: the engine's own default (the server's is templating, engine/templating). */
export const storedBodies: RendererCompiler = () => null;
