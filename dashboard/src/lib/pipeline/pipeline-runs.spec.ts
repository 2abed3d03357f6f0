import { describe, expect, it } from 'vitest';
import { runningStep } from './pipeline-runs';

describe('runningStep', () => {
  it('names the step marked running, else the last one reported', () => {
    expect(runningStep({ status: 'running', steps: [{ name: 'extract' }, { name: 'aggregate', running: true }, { name: 'indicators' }] })?.name).toBe(
      'aggregate',
    );
    expect(runningStep({ status: 'running', steps: [{ name: 'extract' }, { name: 'aggregate' }] })?.name).toBe('aggregate');
  });

  it('has none before the first step, or once the run has ended', () => {
    expect(runningStep({ status: 'running', steps: null })).toBeNull();
    expect(runningStep({ status: 'running', steps: [] })).toBeNull();
    expect(runningStep({ status: 'succeeded', steps: [{ name: 'extract', running: true }] })).toBeNull();
  });
});
