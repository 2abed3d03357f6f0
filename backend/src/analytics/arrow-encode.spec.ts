import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { toArrowStream } from './arrow-encode.ts';

describe('toArrowStream', () => {
  it('keeps counts as exact Int32, turnout as Float64 and suppressed values as nulls', () => {
    const rows = [
      { period: '2022-W01', community: 'OST', attendances: 2147483647, turnout: 12.5 },
      { period: '2022-W02', community: 'OST', attendances: null, turnout: null },
    ];
    const table = tableFromIPC(toArrowStream(['period', 'community', 'attendances', 'turnout'], rows));
    expect(table.numRows).toBe(2);
    expect(String(table.schema.fields.map((f) => `${f.name}:${f.type}`))).toBe('period:Utf8,community:Utf8,attendances:Int32,turnout:Float64');
    expect(table.getChild('attendances')!.get(0)).toBe(2147483647);
    expect(table.getChild('attendances')!.get(1)).toBeNull();
    expect(table.getChild('turnout')!.get(0)).toBe(12.5);
    expect(table.getChild('period')!.get(1)).toBe('2022-W02');
  });
});
