// What a step reports doing (progress, the run history), as a key: the server words it in the
// reader's language (backend lib/messages.ts, `pipeline.step.*`); logs and the CLI use these words.

/** The English words of each label; `{batch}` is an import batch number. */
export const stepLabelWords = {
  'extract.full': 'read operational data',
  'extract.changes': 'read changes after import #{batch}',
  dimensions: 'dimensions',
  facts: 'facts',
  'participation.full': 'participation by week, month, quarter, year',
  'participation.added': 'participation: what the added rows add',
  'participation.corrected': 'participation of the corrected periods',
  'participation-month': 'participation by month',
  'survey-aggregates': 'survey aggregates',
  'participant-profile': 'persons by gender and age band',
  indicators: 'indicators',
  decline: 'decline detection',
  lapsing: 'lapsing regulars',
} as const;

export type StepLabelKey = keyof typeof stepLabelWords;

export interface StepLabel {
  key: StepLabelKey;
  params?: Readonly<Record<string, number>>;
}

export const stepLabelKeys = Object.keys(stepLabelWords) as StepLabelKey[];

export function isStepLabelKey(value: unknown): value is StepLabelKey {
  return typeof value === 'string' && Object.hasOwn(stepLabelWords, value);
}

/** A label in English: `read changes after import #12`. */
export function stepLabelText(label: StepLabel): string {
  return stepLabelWords[label.key].replace(/\{(\w+)\}/g, (whole, name: string) => (label.params && name in label.params ? String(label.params[name]) : whole));
}

/**
 * The label a step name in English stands for: runs recorded before labels were kept by key have
 * only these words. Null for words no step uses.
 */
export function stepLabelOfText(text: string): StepLabel | null {
  for (const key of stepLabelKeys) {
    const words = stepLabelWords[key];
    if (!words.includes('{')) {
      if (words === text) return { key };
      continue;
    }
    const pattern = new RegExp(`^${words.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>\\d+)')}$`);
    const match = pattern.exec(text);
    if (match) return { key, params: Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, Number(value)])) };
  }
  return null;
}
