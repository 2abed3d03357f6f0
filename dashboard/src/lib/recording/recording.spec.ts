import { describe, expect, it } from 'vitest';
import { correctionHref, dayActivitiesHref, firstErrorControl, mayRecord, personName, searchRegister, typeGroups } from './recording';

const register = [
  { code: 'OST-1', firstName: 'Łucja', lastName: 'Żółć' },
  { code: 'OST-2', firstName: 'Jan', lastName: 'Nowak' },
  { code: 'OST-12', firstName: null, lastName: null },
];

describe('the recording form', () => {
  it('is offered to an organizer of the community and the administrator only', () => {
    expect(mayRecord({ role: 'organizer', communities: ['OST'] }, 'OST')).toBe(true);
    expect(mayRecord({ role: 'organizer', communities: ['LAZ'] }, 'OST')).toBe(false);
    expect(mayRecord({ role: 'admin', communities: [] }, 'OST')).toBe(true);
    expect(mayRecord({ role: 'director', communities: [] }, 'OST')).toBe(false);
    expect(mayRecord({ role: 'auditor', communities: ['OST'] }, 'OST')).toBe(false);
    expect(mayRecord(null, 'OST')).toBe(false);
  });

  it('searches the register by code and names, without case or diacritics', () => {
    expect(searchRegister(register, '').map((p) => p.code)).toEqual(['OST-1', 'OST-2', 'OST-12']);
    expect(searchRegister(register, 'lucja zolc').map((p) => p.code)).toEqual(['OST-1']);
    expect(searchRegister(register, 'ost-1').map((p) => p.code)).toEqual(['OST-1', 'OST-12']);
    expect(searchRegister(register, 'NOWAK').map((p) => p.code)).toEqual(['OST-2']);
    expect(searchRegister(register, 'kowalska')).toEqual([]);
    expect(personName(register[0]!)).toBe('Łucja Żółć');
    expect(personName(register[2]!)).toBeNull();
  });

  it('groups the types under their groups’ names', () => {
    const types = [
      { code: 'WARSZTAT', namePl: 'Warsztaty', nameEn: 'Workshop', group: 'education' as const },
      { code: 'ANIM', namePl: 'Animacja', nameEn: 'Animation', group: 'animation' as const },
      { code: 'PRELEKCJA', namePl: 'Prelekcja', nameEn: 'Talk', group: 'education' as const },
    ];
    expect(typeGroups(types, 'pl')).toEqual([
      {
        label: 'działania edukacyjne',
        types: [
          { code: 'WARSZTAT', name: 'Warsztaty' },
          { code: 'PRELEKCJA', name: 'Prelekcja' },
        ],
      },
      { label: 'działania animacyjne', types: [{ code: 'ANIM', name: 'Animacja' }] },
    ]);
    expect(typeGroups(types, 'en')[1]!.types[0]!.name).toBe('Animation');
  });

  it('moves the focus to the first field refused, in the form’s order', () => {
    const error = (field: 'participants' | 'date' | 'community') => ({ field, value: null, code: 'x', message: 'x' });
    expect(firstErrorControl([error('participants'), error('date')])).toBe('recording-date');
    expect(firstErrorControl([error('participants')])).toBe('recording-search');
    expect(firstErrorControl([error('community'), error('date')])).toBe('recording-errors');
    expect(firstErrorControl([])).toBeNull();
  });

  it('links to a correction by the activity’s number as one path segment, and to the activities of a day', () => {
    expect(correctionHref('OST', 'OST/2022/F001')).toBe('/spolecznosc/OST/zajecia/OST%2F2022%2FF001');
    expect(dayActivitiesHref('OST', '2022-03-10')).toBe('/spolecznosc/OST?od=2022-03-10&do=2022-03-10');
  });
});
