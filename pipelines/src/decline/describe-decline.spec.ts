import { describe, expect, it } from 'vitest';
import type { DeclineFinding } from './decline-detector.ts';
import { declineGroupNames } from '../steps/decline.step.ts';
import { describeDecline } from './describe-decline.ts';

const finding: DeclineFinding = {
  measure: 'attendances',
  since: '2022-W41',
  raisedIn: '2022-W45',
  lastWeek: '2022-W46',
  windowFrom: '2022-W41',
  weeks: 6,
  observed: 61,
  expected: 105.4,
  drop: 0.4213,
  pValue: 0.0004,
  baselineKind: 'blend',
};
const OST = 'Mieszkańcy bloków przy ul. Ostrowieckiej';

describe('describeDecline', () => {
  it('says in Polish what fell, by how much, since when, compared with what', () => {
    expect(describeDecline(finding, { communityName: OST, lang: 'pl' })).toBe(
      'Frekwencja w społeczności Mieszkańcy bloków przy ul. Ostrowieckiej spadła o 42% od tygodnia 2022-W41 ' +
        '(ostatnie 6 tygodni z działaniami: 61 obecności wobec oczekiwanych 105 na podstawie tych samych tygodni ' +
        'poprzedniego roku i bieżącego poziomu).',
    );
  });

  it('names the activity group and the baseline, with Polish number agreement', () => {
    const text = describeDecline(
      { ...finding, weeks: 3, observed: 22, expected: 41, baselineKind: 'previous_year' },
      { communityName: OST, groupName: 'animacja', lang: 'pl' },
    );
    expect(text).toBe(
      'Frekwencja na działaniach z grupy „animacja” w społeczności Mieszkańcy bloków przy ul. Ostrowieckiej ' +
        'spadła o 42% od tygodnia 2022-W41 (ostatnie 3 tygodnie z działaniami: 22 obecności wobec oczekiwanych 41 ' +
        'na podstawie tych samych tygodni poprzedniego roku).',
    );
  });

  it('gives distinct participants as a weekly average', () => {
    const text = describeDecline(
      { ...finding, measure: 'distinctParticipants', weeks: 4, observed: 48, expected: 84.2, drop: 0.43, baselineKind: 'recent_level' },
      { communityName: 'Seniorzy na Os. Łazy', lang: 'pl' },
    );
    expect(text).toBe(
      'Liczba uczestników w społeczności Seniorzy na Os. Łazy spadła o 43% od tygodnia 2022-W41 ' +
        '(ostatnie 4 tygodnie z działaniami: średnio 12,0 uczestnika tygodniowo wobec oczekiwanych 21,1 ' +
        'na podstawie bieżącego poziomu z wcześniejszych tygodni).',
    );
  });

  it('speaks English too', () => {
    expect(describeDecline(finding, { communityName: 'OST', groupName: 'education', lang: 'en' })).toBe(
      'Attendance at education activities in OST has fallen by 42% since week 2022-W41 (last 6 weeks with ' +
        'activities: 61 attendances against 105 expected from the same weeks of the previous year and the recent level).',
    );
  });

  it('names each activity group once, without a doubled noun ("animation activities activities")', () => {
    for (const [code, names] of Object.entries(declineGroupNames)) {
      const sentence = describeDecline(finding, { communityName: 'OST', groupName: names.en, lang: 'en' });
      expect(sentence, code).not.toMatch(/\b(\w+) \1\b/);
      expect(sentence, code).toMatch(/^Attendance at [a-z ]+ activities in OST /);
    }
  });
});
