// A community's attendance history in which several regulars stop coming at once: the fixture of the
// tests of the person-level test (lapsing regulars) on a real installation.
import { writeCsv } from './installation.ts';

export interface LapsingHistoryShape {
  /** Prefix of every id and code, so that several histories can share an installation. */
  prefix: string;
  community: string;
  /** Weekly meetings (a workshop on Tuesdays) from `from` (a Tuesday, YYYY-MM-DD), `weeks` of them. */
  from: string;
  weeks: number;
  regulars: number;
  /** The first `stopping` regulars come no more after meeting number `stopAfter` (0-based). */
  stopping: number;
  stopAfter: number;
  /** Register names (imie, nazwisko) for the regulars: `Imię<n>`, `Nazwisko<n>`. */
  names?: boolean;
}

export interface LapsingHistory {
  files: string[];
  codes: string[];
  stopped: string[];
  /** The meetings' ids and dates, in order. */
  meetings: { id: string; date: string }[];
}

const polishDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * Writes the register, the activity log and the attendance list: regular i comes to four meetings
 * of five (missing meeting n when (n + i) % 5 = 0), until the first `stopping` of them stop.
 */
export function writeLapsingHistory(dir: string, shape: LapsingHistoryShape): LapsingHistory {
  const { prefix, community } = shape;
  const codes = Array.from({ length: shape.regulars }, (_, i) => `${prefix}${community}-${String(i + 1).padStart(4, '0')}`);
  const start = Date.parse(`${shape.from}T00:00:00Z`);
  const meetings = Array.from({ length: shape.weeks }, (_, n) => ({
    id: `${prefix}SP-${n + 1}`,
    date: new Date(start + n * 7 * 86_400_000).toISOString().slice(0, 10),
  }));
  const list: string[][] = [];
  meetings.forEach((meeting, n) => {
    codes.forEach((code, i) => {
      if ((n + i) % 5 === 0 || (i < shape.stopping && n > shape.stopAfter)) return;
      list.push([meeting.id, code]);
    });
  });
  const register = shape.names
    ? [['kod', 'spolecznosc', 'imie', 'nazwisko'], ...codes.map((code, i) => [code, community, `Imię${i + 1}`, `Nazwisko${i + 1}`])]
    : [['kod', 'spolecznosc'], ...codes.map((code) => [code, community])];
  return {
    files: [
      writeCsv(dir, `${prefix}rejestr.csv`, register),
      writeCsv(dir, `${prefix}dziennik.csv`, [
        ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
        ...meetings.map((m) => [m.id, polishDate(m.date), community, 'WARSZTAT', `Warsztaty ${m.id}`]),
      ]),
      writeCsv(dir, `${prefix}lista.csv`, [['id_dzialania', 'kod'], ...list]),
    ],
    codes,
    stopped: codes.slice(0, shape.stopping),
    meetings,
  };
}
