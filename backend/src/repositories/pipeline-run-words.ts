// A pipeline run as a reader sees it, in their language: the steps' names from their labels, and
// texts recorded in English before runs kept messages by key, worded again from what they say.
import { describeFallback, isStepLabelKey, stepLabelOfText, type FallbackReason, type StepLabel, type StepLabelKey } from '@osl/pipelines';
import { renderMessageRef, type Lang, type MessageKey, type MessageRef } from '../lib/messages.ts';

const stepMessageKeys: Record<StepLabelKey, MessageKey> = {
  'extract.full': 'pipeline.step.extract_full',
  'extract.changes': 'pipeline.step.extract_changes',
  dimensions: 'pipeline.step.dimensions',
  facts: 'pipeline.step.facts',
  'participation.full': 'pipeline.step.participation_full',
  'participation.added': 'pipeline.step.participation_added',
  'participation.corrected': 'pipeline.step.participation_corrected',
  'participation-month': 'pipeline.step.participation_month',
  'survey-aggregates': 'pipeline.step.survey_aggregates',
  'participant-profile': 'pipeline.step.participant_profile',
  indicators: 'pipeline.step.indicators',
  decline: 'pipeline.step.decline',
  lapsing: 'pipeline.step.lapsing',
};

export const fallbackReasonKeys: Record<FallbackReason['code'], MessageKey> = {
  nothing_published: 'pipeline.reason.nothing_published',
  unreadable: 'pipeline.reason.unreadable',
  layout_changed: 'pipeline.reason.layout_changed',
  config_changed: 'pipeline.reason.config_changed',
  decline_method_changed: 'pipeline.reason.decline_method_changed',
  facts_mismatch: 'pipeline.reason.facts_mismatch',
};

/** Why an incremental request rebuilt in full, kept as a message worded when read (its detail in the engine's words). */
export function fullRebuildNote(fallback: FallbackReason): MessageRef {
  const reason: MessageRef = { key: fallbackReasonKeys[fallback.code], params: 'detail' in fallback ? { detail: fallback.detail } : {} };
  return { key: 'pipeline.full_rebuild', params: { reason } };
}

/** A step as stored (with its label, or only its English name from before labels were kept). */
export interface StoredStep {
  name: string;
  label?: unknown;
}

function labelOf(step: StoredStep): StepLabel | null {
  const label = step.label as Partial<StepLabel> | undefined;
  if (label && isStepLabelKey(label.key)) return { key: label.key, params: label.params };
  return stepLabelOfText(step.name);
}

/** A step's name in `lang`; a name no label stands for stays as it is. */
export function stepNameIn(step: StoredStep, lang: Lang): string {
  const label = labelOf(step);
  return label ? renderMessageRef({ key: stepMessageKeys[label.key], params: label.params }, lang) : step.name;
}

const fullRebuildPrefix = 'full rebuild instead of incremental: ';
const fixedReasons = ['nothing_published', 'layout_changed', 'config_changed', 'decline_method_changed'] as const;
const detailedReasons = ['unreadable', 'facts_mismatch'] as const;

/**
 * The message a note recorded in English stands for ("full rebuild instead of incremental: the
 * configuration changed"), worded again by its reason's code; null for any other text.
 */
export function messageOfEnglishNote(text: string): MessageRef | null {
  if (!text.startsWith(fullRebuildPrefix)) return null;
  const reason = text.slice(fullRebuildPrefix.length);
  for (const code of fixedReasons) if (describeFallback({ code }) === reason) return fullRebuildNote({ code });
  for (const code of detailedReasons) {
    const [before, after] = describeFallback({ code, detail: '\u0000' }).split('\u0000') as [string, string];
    if (reason.startsWith(before) && reason.endsWith(after) && reason.length >= before.length + after.length) {
      return fullRebuildNote({ code, detail: reason.slice(before.length, reason.length - after.length) });
    }
  }
  return null;
}
