import { Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';

export const arrowStreamType = 'application/vnd.apache.arrow.stream';

/**
 * Rows as an Arrow IPC stream: counts as Int32 (exact integers, not doubles), turnout as
 * Float64, codes and periods as Utf8. A suppressed value is a null in its column.
 */
export function toArrowStream(columns: readonly string[], rows: readonly Record<string, unknown>[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) {
    const type: DataType = column === 'turnout' ? new Float64() : isText(column) ? new Utf8() : new Int32();
    vectors[column] = vectorFromArray(
      rows.map((row) => (row[column] === undefined ? null : row[column])),
      type,
    ) as Vector;
  }
  return tableToIPC(new Table(vectors), 'stream');
}

function isText(column: string): boolean {
  return column === 'period' || column === 'periodStart' || column === 'community' || column === 'group' || column === 'type';
}
