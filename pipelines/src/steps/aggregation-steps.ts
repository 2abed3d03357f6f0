import { declineStep } from './decline.step.ts';
import { dimensionsStep } from './dimensions.step.ts';
import { extractStep } from './extract.step.ts';
import { factsStep } from './facts.step.ts';
import { indicatorsStep } from './indicators.step.ts';
import { participationMonthStep } from './participation-month.step.ts';
import { participantProfileStep } from './participant-profile.step.ts';
import { lapsingStep } from './lapsing.step.ts';
import { participationStep } from './participation.step.ts';
import type { PipelineStep } from './pipeline-step.ts';
import { surveyAggregatesStep } from './survey-aggregates.step.ts';

/** The steps of an aggregation run, in the order they run (checkStepPlan holds it to their declarations). */
export const aggregationSteps: readonly PipelineStep[] = [
  extractStep,
  dimensionsStep,
  factsStep,
  participationStep,
  participationMonthStep,
  surveyAggregatesStep,
  participantProfileStep,
  indicatorsStep,
  declineStep,
  lapsingStep,
];

/** Tables the job writes itself, after the steps: the metadata of the file it publishes. */
export const tablesWrittenByTheJob = ['meta'] as const;
