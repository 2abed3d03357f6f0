import { z } from 'zod';
import type { TemplateColumn } from './import-kind.ts';

/** How the template shows the columns several kinds share (same note, same example). */
export const commonTemplates = {
  activityId: { note: 'Własny, niepowtarzalny numer działania, np. WZG/2024/001', example: (sample) => `${sample.community}/PRZYKLAD/001` },
  date: { note: 'Data, np. 15.03.2024', example: new Date(Date.UTC(2024, 2, 15)), date: true },
  community: { note: 'Kod społeczności z listy (albo jej pełna nazwa)', example: (sample) => sample.community, rule: 'community' },
  participantCode: { note: 'Kod uczestnika z rejestru, np. WZG-0042', example: (sample) => `${sample.community}-0001` },
  firstName: { note: 'Imię (tylko do dopasowania do rejestru)', example: 'Anna' },
  lastName: { note: 'Nazwisko (tylko do dopasowania do rejestru)', example: 'Przykładowa' },
} satisfies Record<string, TemplateColumn>;

/** Record fields several kinds share. */
export const recordFields = {
  /** The row number as Excel shows it. */
  row: z.number().int().positive(),
  /** A civil date, YYYY-MM-DD. */
  date: z.iso.date(),
  code: z.string().min(1),
};
