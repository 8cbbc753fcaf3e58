import type { PipelineStepType } from '../../../../shared/models/pipeline';
import { autoPromote } from './auto-promote';
import { createPr } from './create-pr';
import { notify } from './notify';
import { regenerateSdk } from './regenerate-sdk';
import type { StepRunner } from './types';

/** Every step type and what runs it. */
export const STEP_RUNNERS: Record<PipelineStepType, StepRunner> = {
  notify,
  regenerate_sdk: regenerateSdk,
  auto_promote: autoPromote,
  create_pr: createPr,
};
