export { PipelineService, EXECUTIONS_KEPT } from './service';
export { PipelineWorker, DEFAULT_WORKER_OPTIONS, type PipelineWorkerOptions } from './worker';
export { recordPromotionCompleted, recordScenarioPublished } from '../catalog/record-events';
export { signBody } from './steps/notify';
export { toPipelineEvents, triggers } from './events';
