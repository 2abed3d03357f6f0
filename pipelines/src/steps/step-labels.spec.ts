import { describe, expect, it } from 'vitest';
import { aggregationSteps } from './aggregation-steps.ts';
import { stepLabelKeys, stepLabelOfText, stepLabelText } from './step-labels.ts';

describe('step labels', () => {
  it('words a label in English, its batch filled', () => {
    expect(stepLabelText({ key: 'extract.full' })).toBe('read operational data');
    expect(stepLabelText({ key: 'extract.changes', params: { batch: 12 } })).toBe('read changes after import #12');
  });

  it('finds the label of the English words a run recorded before labels were kept', () => {
    for (const key of stepLabelKeys) {
      const label = key === 'extract.changes' ? { key, params: { batch: 25 } } : { key };
      expect(stepLabelOfText(stepLabelText(label))).toEqual(label);
    }
    expect(stepLabelOfText('read changes after import #x')).toBeNull();
    expect(stepLabelOfText('something else')).toBeNull();
  });

  it('has a label for every step, in both modes', () => {
    const keys = new Set<string>();
    for (const step of aggregationSteps) {
      for (const mode of ['full', 'incremental'] as const) {
        for (const additive of [true, false]) {
          const context = { mode, sinceBatch: 3, state: { additive } } as unknown as Parameters<typeof step.label>[0];
          keys.add(step.label(context).key);
        }
      }
    }
    expect([...keys].sort()).toEqual([...stepLabelKeys].sort());
  });
});
