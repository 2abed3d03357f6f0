import type { Rng } from './random.ts';

export type Gender = 'K' | 'M';

/** First names by generation: people born before 1960 rarely carry the names popular later. */
const FIRST_NAMES: Record<'older' | 'younger', Record<Gender, readonly string[]>> = {
  older: {
    K: [
      'Halina',
      'Krystyna',
      'Danuta',
      'Teresa',
      'Barbara',
      'Irena',
      'Jadwiga',
      'Zofia',
      'Stanisława',
      'Genowefa',
      'Janina',
      'Wiesława',
      'Czesława',
      'Helena',
      'Marianna',
      'Bożena',
      'Elżbieta',
      'Grażyna',
      'Lucyna',
      'Alicja',
      'Józefa',
      'Leokadia',
      'Urszula',
      'Władysława',
      'Maria',
      'Jolanta',
      'Hanna',
      'Regina',
    ],
    M: [
      'Stanisław',
      'Zbigniew',
      'Kazimierz',
      'Tadeusz',
      'Jerzy',
      'Józef',
      'Ryszard',
      'Henryk',
      'Bogdan',
      'Władysław',
      'Czesław',
      'Edward',
      'Mieczysław',
      'Eugeniusz',
      'Zdzisław',
      'Leszek',
      'Jan',
      'Roman',
      'Wiesław',
      'Bolesław',
    ],
  },
  younger: {
    K: [
      'Anna',
      'Katarzyna',
      'Małgorzata',
      'Agnieszka',
      'Joanna',
      'Magdalena',
      'Monika',
      'Ewa',
      'Natalia',
      'Aleksandra',
      'Julia',
      'Zuzanna',
      'Karolina',
      'Paulina',
      'Justyna',
      'Beata',
      'Dorota',
      'Iwona',
      'Renata',
      'Sylwia',
      'Agata',
      'Marta',
      'Izabela',
      'Patrycja',
      'Weronika',
      'Wiktoria',
      'Kinga',
      'Edyta',
      'Emilia',
      'Żaneta',
    ],
    M: [
      'Piotr',
      'Krzysztof',
      'Tomasz',
      'Paweł',
      'Marcin',
      'Michał',
      'Łukasz',
      'Grzegorz',
      'Andrzej',
      'Mariusz',
      'Dariusz',
      'Jakub',
      'Mateusz',
      'Adam',
      'Marek',
      'Wojciech',
      'Rafał',
      'Sławomir',
      'Kamil',
      'Bartłomiej',
      'Przemysław',
      'Jarosław',
      'Szymon',
      'Damian',
      'Sebastian',
      'Artur',
      'Dawid',
      'Maciej',
    ],
  },
};

/** Names given in every generation, so anyone may carry them. */
const TIMELESS: Record<Gender, readonly string[]> = {
  K: ['Maria', 'Anna', 'Ewa', 'Barbara', 'Elżbieta', 'Małgorzata', 'Teresa', 'Katarzyna'],
  M: ['Jan', 'Andrzej', 'Piotr', 'Krzysztof', 'Marek', 'Józef', 'Tadeusz', 'Stanisław'],
};

/** Surnames in their masculine form; `-ski/-cki/-dzki` take `-ska/-cka/-dzka` for women. */
const SURNAMES: readonly string[] = [
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Dąbrowski',
  'Kozłowski',
  'Jankowski',
  'Mazur',
  'Kwiatkowski',
  'Krawczyk',
  'Piotrowski',
  'Grabowski',
  'Nowakowski',
  'Pawłowski',
  'Michalski',
  'Nowicki',
  'Adamczyk',
  'Dudek',
  'Zając',
  'Wieczorek',
  'Jabłoński',
  'Król',
  'Majewski',
  'Olszewski',
  'Jaworski',
  'Wróbel',
  'Malinowski',
  'Pawlak',
  'Witkowski',
  'Walczak',
  'Stępień',
  'Górski',
  'Rutkowski',
  'Michalak',
  'Sikora',
  'Ostrowski',
  'Baran',
  'Duda',
  'Szewczyk',
  'Tomaszewski',
  'Pietrzak',
  'Marciniak',
  'Wróblewski',
  'Zalewski',
  'Jakubowski',
  'Jasiński',
  'Zawadzki',
  'Sadowski',
  'Bąk',
  'Chmielewski',
  'Włodarczyk',
  'Borkowski',
  'Czarnecki',
  'Sawicki',
  'Sokołowski',
  'Urbański',
  'Kubiak',
  'Maciejewski',
  'Szczepański',
  'Kucharski',
  'Wilk',
  'Kalinowski',
  'Lis',
  'Mazurek',
  'Wysocki',
  'Adamski',
  'Kaźmierczak',
  'Wasilewski',
  'Sobczak',
  'Czerwiński',
  'Andrzejewski',
  'Cieślak',
  'Głowacki',
  'Zakrzewski',
  'Kołodziej',
  'Sikorski',
  'Krajewski',
  'Gajewski',
  'Szymczak',
  'Baranowski',
  'Laskowski',
  'Brzeziński',
  'Makowski',
  'Ziółkowski',
  'Przybylski',
  'Kaczmarek',
  'Gołębiowski',
  'Łuczak',
  'Żak',
  'Świątek',
  'Kędzierski',
  'Gołąb',
  'Piątek',
  'Sołtys',
  'Ciesielski',
  'Banaś',
  'Kmieć',
  'Pająk',
  'Wójtowicz',
  'Sowa',
  'Kasprzyk',
  'Mroczek',
  'Bielecki',
  'Stachura',
  'Łata',
  'Jędrzejczyk',
  'Rogala',
  'Ślęzak',
];

export function surnameFor(masculine: string, gender: Gender): string {
  return gender === 'K' && /(s|c|dz)ki$/.test(masculine) ? `${masculine.slice(0, -1)}a` : masculine;
}

/** Lower case without Polish diacritics: how the importer compares names (docs/spec/input-formats.md). */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

export interface PersonName {
  firstName: string;
  lastName: string;
}

/**
 * Draws a name that nobody in `taken` has, so attendance lists by name match exactly one person.
 * `taken` holds folded "first last" keys and is updated.
 */
export function drawUniqueName(rng: Rng, gender: Gender, birthYear: number, taken: Set<string>): PersonName {
  const generation = birthYear < 1960 ? 'older' : 'younger';
  for (let attempt = 0; attempt < 1000; attempt++) {
    const firstName = rng.pick(rng.chance(0.2) ? TIMELESS[gender] : FIRST_NAMES[generation][gender]);
    const lastName = surnameFor(rng.pick(SURNAMES), gender);
    const key = `${foldName(firstName)} ${foldName(lastName)}`;
    if (!taken.has(key)) {
      taken.add(key);
      return { firstName, lastName };
    }
  }
  throw new Error('ran out of unique names');
}
