import { describe, expect, it } from 'vitest';
import { redactPersonalData } from './redact-personal-data.ts';

describe('redactPersonalData', () => {
  it('takes names out of values and messages, and leaves other issues alone', () => {
    const issues = [
      {
        row: 4,
        column: 'last_name',
        value: 'Anna Kowalska',
        code: 'name_ambiguous',
        message: 'Imię i nazwisko „Anna Kowalska” pasuje do kilku osób w rejestrze (WZG-0042, WZG-0117). Wpisz kod uczestnika.',
      },
      { row: 5, column: 'community', value: 'XYZ', code: 'unknown_community', message: 'Nieznana społeczność „XYZ”.' },
    ];
    const [name, other] = redactPersonalData(issues, 'pl');
    expect(JSON.stringify(name)).not.toMatch(/Kowalska|WZG-0042/);
    expect(name).toMatchObject({ row: 4, column: 'last_name', value: '(dane osobowe ukryte)', code: 'name_ambiguous' });
    expect(name!.message).toContain('pasuje do kilku osób');
    expect(other).toBe(issues[1]);
  });

  it('knows a name column by its canonical name, whatever the file calls it', () => {
    const issue = { row: 7, column: 'Nazwisko i imię', field: 'last_name', value: 'Jan Nowak', code: 'some_later_code', message: 'Jan Nowak: …' };
    const [kept] = redactPersonalData([issue], 'en');
    expect(kept).toMatchObject({ column: 'Nazwisko i imię', value: '(personal data hidden)', message: '(personal data hidden)' });
  });
});
