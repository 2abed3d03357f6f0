import { describe, expect, it } from 'vitest';
import { DomainError } from '../lib/domain-error.ts';
import { compileMetricsQuery, parseMetricsQuery } from './metrics-query.ts';

const vocabulary = { communities: ['WZG', 'OST', 'LAZ'], groups: ['animation', 'education', 'action'] };

describe('parseMetricsQuery', () => {
  it('reads a query string into a checked query, resolving the communities', () => {
    expect(
      parseMetricsQuery(
        { measures: 'attendances,distinctParticipants', grain: 'week', dimensions: 'community', from: '2022-01-01', to: '2022-12-31' },
        vocabulary,
      ),
    ).toEqual({
      measures: ['attendances', 'distinctParticipants'],
      grain: 'week',
      dimensions: ['community'],
      from: '2022-01-01',
      to: '2022-12-31',
      communities: ['WZG', 'OST', 'LAZ'],
      groups: null,
    });
    expect(parseMetricsQuery({ measures: 'activities', communities: 'ost' }, vocabulary)).toMatchObject({ grain: 'month', communities: ['OST'] });
    expect(parseMetricsQuery({ measures: 'activities' }, vocabulary).communities).toEqual(['ALL']);
  });

  it('says which parameter is wrong and what it takes', () => {
    const wrong = (raw: Record<string, unknown>) => () => parseMetricsQuery(raw, vocabulary);
    expect(wrong({})).toThrow(/measures is required/);
    expect(wrong({ measures: 'attendances; DROP TABLE x' })).toThrow(DomainError);
    expect(wrong({ measures: 'attendances', grain: 'day' })).toThrow(/grain must be one of week, month, quarter, year/);
    expect(wrong({ measures: 'attendances', dimensions: 'group,type' })).toThrow(/exclude each other/);
    expect(wrong({ measures: 'attendances', communities: "OST'" })).toThrow(/unknown community/);
    expect(wrong({ measures: 'attendances', communities: 'OST,WZG' })).toThrow(/community dimension/);
    expect(wrong({ measures: 'attendances', groups: 'animation' })).toThrow(/group or the type dimension/);
    expect(wrong({ measures: 'attendances', dimensions: 'group', groups: 'sport' })).toThrow(/unknown group/);
    expect(wrong({ measures: 'attendances', from: '2022-13-01' })).toThrow(/from must be a date/);
    expect(wrong({ measures: 'attendances', to: '2021-02-29' })).toThrow(/to must be a date/);
    expect(wrong({ measures: 'attendances', from: '2023-01-01', to: '2022-01-01' })).toThrow(/after/);
    expect(wrong({ measures: ['a', 'b'] })).toThrow(/given once/);
  });
  it('refuses names of Object.prototype as measures, grains, dimensions, communities and groups', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(() => parseMetricsQuery({ measures: name }, vocabulary), name).toThrow(
        `unknown measure "${name}"; use activities, attendances, namedAttendances, anonymousAttendances, distinctParticipants, newParticipants, returningParticipants, turnout`,
      );
      expect(() => parseMetricsQuery({ measures: 'attendances', grain: name }, vocabulary), name).toThrow(DomainError);
      expect(() => parseMetricsQuery({ measures: 'attendances', dimensions: name }, vocabulary), name).toThrow(DomainError);
      expect(() => parseMetricsQuery({ measures: 'attendances', communities: name }, vocabulary), name).toThrow(DomainError);
      expect(() => parseMetricsQuery({ measures: 'attendances', dimensions: 'group', groups: name }, vocabulary), name).toThrow(DomainError);
    }
  });
});

describe('compileMetricsQuery', () => {
  it('compiles to one parameterised statement with whitelisted columns only', () => {
    const query = parseMetricsQuery(
      { measures: 'distinctParticipants,turnout', grain: 'month', dimensions: 'community,type', groups: 'education', communities: 'OST,LAZ' },
      vocabulary,
    );
    const compiled = compileMetricsQuery(query);
    expect(compiled.columns).toEqual(['period', 'periodStart', 'community', 'type', 'distinctParticipants', 'turnout']);
    expect(compiled.params).toEqual(['month', 'type', '[OST, LAZ]', '[education]', null, null]);
    expect(compiled.sql).toContain('a.distinct_participants AS "distinctParticipants"');
    expect(compiled.sql).toContain('dim_activity_type');
    expect(compiled.sql).not.toMatch(/OST|LAZ|education/);
  });
});
