import { z } from 'zod';
import type { TemplateColumn } from './import-kind.ts';

/** How the template shows the columns several kinds share (same note, same example). */
export const commonTemplates = {
  activityId: {
    note: 'Własny, niepowtarzalny numer działania, np. WZG/2022/001',
    example: (sample) => `${sample.community.code}/${sample.date.getUTCFullYear()}/001`,
  },
  date: { note: 'Data w formacie DD.MM.RRRR', example: (sample) => sample.date, date: true },
  community: { note: 'Społeczność z listy (nazwa albo kod)', example: (sample) => sample.community.name, rule: 'community' },
  participantCode: { note: 'Kod uczestnika z rejestru, np. WZG-0042', example: (sample) => `${sample.community.code}-0001` },
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
