import type { ResponseStage } from './stage';

/**
 * Faults and latency: today the mock's fixed response delay, which the transport waits
 * before it answers (EngineResult.delayMs). A mock without a delay skips this stage. Chaos
 * (latency distributions, injected errors, network faults) extends this stage.
 */
export const faultsStage: ResponseStage = {
  name: 'faults',
  forMock(cm) {
    const delay = cm.mock.responseDelay;
    if (!(delay > 0)) return undefined;
    return (x) => {
      // Only a picked response waits: an error answer (no responses) is sent at once.
      if (x.response) x.delayMs = delay;
      return undefined;
    };
  },
};
