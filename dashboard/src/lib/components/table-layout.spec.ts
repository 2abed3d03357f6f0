import { describe, expect, it } from 'vitest';
import { spreadHeadings } from './table-layout';

describe('spreadHeadings', () => {
  it('gives each column its heading, a spanning heading to every column it spans', () => {
    expect(
      spreadHeadings([
        { text: 'Kod', span: 1 },
        { text: ' 2021\n wartość / cel ', span: 1 },
        { text: 'Społeczności', span: 3 },
      ]),
    ).toEqual(['Kod', '2021 wartość / cel', 'Społeczności', 'Społeczności', 'Społeczności']);
  });

  it('counts a cell of no span as one column', () => {
    expect(spreadHeadings([{ text: 'A', span: 0 }])).toEqual(['A']);
  });
});
