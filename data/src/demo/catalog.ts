/**
 * What activities look like: titles, who runs them, how long they last, and the yearly calendar of
 * special events. Plain data; the planner only picks from it.
 */
export type Audience = 'residents' | 'seniors';

export interface TypeTraits {
  /** Relative turnout: a picnic draws more people than a training. */
  turnout: number;
  durationH: readonly [number, number];
  ledBy: readonly string[];
  /** Relative chance that residents co-organise it: actions and events rather than lectures. */
  residentInitiative: number;
  /** Open to anyone: the organizer counts heads besides the named list. */
  open: boolean;
}

export const TYPE_TRAITS: Record<string, TypeTraits> = {
  ANIM_KULT: { turnout: 1, durationH: [1.5, 2.5], ledBy: ['animator kulturalny'], residentInitiative: 1, open: false },
  ANIM_SPORT: { turnout: 0.9, durationH: [1, 2], ledBy: ['animator sportowo-rekreacyjny'], residentInitiative: 1, open: false },
  ANIM_SPOL: { turnout: 0.9, durationH: [1.5, 2], ledBy: ['animator społeczny', 'organizator'], residentInitiative: 2, open: false },
  IMPREZA: { turnout: 2.5, durationH: [3, 5], ledBy: ['organizator', 'animator kulturalny'], residentInitiative: 3, open: true },
  WARSZTAT: { turnout: 0.8, durationH: [2, 3], ledBy: ['specjalista', 'animator kulturalny'], residentInitiative: 0.5, open: false },
  SZKOLENIE: { turnout: 0.55, durationH: [3, 6], ledBy: ['specjalista'], residentInitiative: 0, open: false },
  PRELEKCJA: { turnout: 0.75, durationH: [1, 1.5], ledBy: ['specjalista'], residentInitiative: 0, open: false },
  SPOTKANIE: { turnout: 0.8, durationH: [1.5, 2], ledBy: ['specjalista', 'organizator'], residentInitiative: 0.3, open: false },
  AKCJA: { turnout: 0.85, durationH: [2, 4], ledBy: ['organizator'], residentInitiative: 3, open: true },
};

type TitleList = Partial<Record<Audience | 'all', readonly string[]>>;

/** Titles of regular sessions, by type and audience. */
export const TITLES: Record<string, TitleList> = {
  ANIM_KULT: {
    residents: [
      'Wieczór gier planszowych',
      'Zajęcia teatralne dla dzieci',
      'Kącik rękodzieła',
      'Wieczór filmowy',
      'Klub książki',
      'Zajęcia plastyczne dla dzieci i rodziców',
      'Karaoke sąsiedzkie',
    ],
    seniors: [
      'Śpiewanie piosenek biesiadnych',
      'Klub książki seniora',
      'Wieczór wspomnień – stare fotografie',
      'Zajęcia teatralne',
      'Koło robótek ręcznych',
      'Wieczór poezji',
    ],
  },
  ANIM_SPORT: {
    residents: ['Zumba', 'Turniej tenisa stołowego', 'Zajęcia sportowe dla dzieci i rodziców', 'Fitness dla mam', 'Turniej piłkarzyków'],
    seniors: ['Gimnastyka dla seniorów', 'Zdrowy kręgosłup – ćwiczenia', 'Ćwiczenia równowagi', 'Taniec w kręgu'],
  },
  ANIM_SPOL: {
    residents: ['Kawiarenka sąsiedzka', 'Spotkanie klubu sąsiedzkiego', 'Planowanie działań z mieszkańcami', 'Kącik wymiany rzeczy', 'Rozmowy przy herbacie'],
    seniors: ['Kawiarenka seniora', 'Spotkanie klubu seniora', 'Planowanie działań klubu', 'Senior dla seniora – odwiedziny'],
  },
  WARSZTAT: {
    residents: [
      'Warsztaty kulinarne',
      'Warsztaty florystyczne',
      'Warsztaty decoupage',
      'Warsztaty pisania CV',
      'Warsztaty komputerowe',
      'Warsztaty szycia',
      'Warsztaty rękodzieła',
    ],
    seniors: [
      'Warsztaty kulinarne',
      'Warsztaty florystyczne',
      'Warsztaty obsługi smartfona',
      'Warsztaty pamięci',
      'Warsztaty rękodzieła',
      'Warsztaty z pierników',
    ],
  },
  SZKOLENIE: {
    residents: [
      'Szkolenie z pierwszej pomocy',
      'Szkolenie: bezpieczeństwo w internecie',
      'Szkolenie dla liderów lokalnych',
      'Szkolenie: jak napisać wniosek o mikrogrant',
      'Szkolenie: budżet domowy',
    ],
    seniors: ['Szkolenie z pierwszej pomocy', 'Szkolenie: bankowość elektroniczna dla seniorów', 'Szkolenie: bezpieczeństwo w internecie'],
  },
  PRELEKCJA: {
    residents: [
      'Prelekcja: zdrowe odżywianie',
      'Prelekcja: prawa lokatora',
      'Prelekcja o historii Starachowic',
      'Prelekcja: uzależnienia wśród młodzieży',
      'Prelekcja: segregacja odpadów',
    ],
    seniors: [
      'Prelekcja: profilaktyka cukrzycy',
      'Prelekcja: jak nie dać się oszukać metodą „na wnuczka”',
      'Prelekcja o historii Starachowic',
      'Prelekcja: zdrowe odżywianie seniora',
      'Prelekcja: profilaktyka udaru',
    ],
  },
  SPOTKANIE: {
    residents: [
      'Spotkanie z dzielnicowym',
      'Spotkanie z prawnikiem',
      'Spotkanie z psychologiem',
      'Spotkanie informacyjne o usługach CUS',
      'Spotkanie z przedstawicielem spółdzielni mieszkaniowej',
    ],
    seniors: [
      'Spotkanie z dzielnicowym',
      'Spotkanie z dietetykiem',
      'Spotkanie z farmaceutą',
      'Spotkanie informacyjne o usługach CUS',
      'Spotkanie z fizjoterapeutą',
    ],
  },
};

/** Summer sessions move outside and draw passers-by, who are counted, not listed. */
export const OUTDOOR_TITLES: Record<string, TitleList> = {
  ANIM_SPORT: {
    residents: ['Gry i zabawy podwórkowe', 'Turniej siatkówki plażowej', 'Joga na trawie', 'Nordic walking w plenerze'],
    seniors: ['Nordic walking w plenerze', 'Spacer z kijkami', 'Gimnastyka na świeżym powietrzu'],
  },
  ANIM_KULT: {
    residents: ['Kino plenerowe', 'Malowanie kredą na podwórku', 'Potańcówka pod chmurką'],
    seniors: ['Potańcówka pod chmurką', 'Czytanie w parku'],
  },
};

/** A yearly event: held on the first `weekday` on or after the anchor date. */
export interface SpecialEvent {
  anchor: string; // MM-DD
  weekday: number;
  type: string;
  title: string;
  communities: readonly string[];
  outdoor?: boolean;
  years?: readonly number[];
  /** Where it happens when not at the community's usual places. */
  location?: string;
}

export const SPECIAL_EVENTS: readonly SpecialEvent[] = [
  { anchor: '02-05', weekday: 6, type: 'IMPREZA', title: 'Zabawa karnawałowa', communities: ['WZG'], years: [2022, 2023] },
  { anchor: '02-08', weekday: 4, type: 'IMPREZA', title: 'Bal karnawałowy seniora', communities: ['LAZ'], years: [2023] },
  { anchor: '03-01', weekday: 5, type: 'AKCJA', title: 'Zbiórka darów dla uchodźców z Ukrainy', communities: ['WZG', 'OST', 'LAZ'], years: [2022] },
  { anchor: '03-07', weekday: 3, type: 'IMPREZA', title: 'Dzień Kobiet w klubie', communities: ['LAZ'], years: [2022] },
  { anchor: '04-18', weekday: 6, type: 'AKCJA', title: 'Sprzątanie osiedla', communities: ['WZG'], outdoor: true, years: [2022, 2023] },
  { anchor: '04-18', weekday: 6, type: 'AKCJA', title: 'Sprzątanie podwórka', communities: ['OST'], outdoor: true, years: [2023] },
  { anchor: '05-08', weekday: 6, type: 'AKCJA', title: 'Malowanie ławek na podwórku', communities: ['OST'], outdoor: true, years: [2022] },
  { anchor: '05-30', weekday: 6, type: 'IMPREZA', title: 'Dzień Dziecka na osiedlu', communities: ['WZG'], outdoor: true },
  { anchor: '05-30', weekday: 6, type: 'IMPREZA', title: 'Dzień Dziecka na podwórku', communities: ['OST'], outdoor: true, years: [2022, 2023] },
  { anchor: '06-17', weekday: 6, type: 'IMPREZA', title: 'Piknik sąsiedzki', communities: ['WZG', 'OST'], outdoor: true },
  {
    anchor: '06-20',
    weekday: 3,
    type: 'IMPREZA',
    title: 'Piknik seniora nad Pasternikiem',
    communities: ['LAZ'],
    outdoor: true,
    location: 'Zalew Pasternik',
    years: [2022, 2023],
  },
  { anchor: '07-06', weekday: 6, type: 'ANIM_SPORT', title: 'Turniej piłki nożnej', communities: ['WZG'], outdoor: true },
  {
    anchor: '07-10',
    weekday: 3,
    type: 'ANIM_KULT',
    title: 'Wycieczka do Muzeum Przyrody i Techniki',
    communities: ['LAZ'],
    location: 'Muzeum Przyrody i Techniki, Starachowice',
    years: [2022, 2023],
  },
  { anchor: '07-14', weekday: 6, type: 'ANIM_SPORT', title: 'Gra terenowa dla dzieci', communities: ['OST'], outdoor: true },
  { anchor: '07-20', weekday: 5, type: 'ANIM_KULT', title: 'Kino plenerowe', communities: ['WZG'], outdoor: true, years: [2022, 2023] },
  { anchor: '08-03', weekday: 5, type: 'ANIM_KULT', title: 'Kino na podwórku', communities: ['OST'], outdoor: true },
  { anchor: '08-08', weekday: 6, type: 'ANIM_SPORT', title: 'Rajd rowerowy', communities: ['WZG'], outdoor: true, years: [2022, 2023] },
  { anchor: '08-22', weekday: 6, type: 'IMPREZA', title: 'Pożegnanie lata', communities: ['WZG'], outdoor: true },
  { anchor: '09-15', weekday: 6, type: 'AKCJA', title: 'Sprzątanie świata', communities: ['WZG'], outdoor: true, years: [2021] },
  { anchor: '09-29', weekday: 4, type: 'IMPREZA', title: 'Dzień Seniora', communities: ['LAZ'] },
  { anchor: '10-02', weekday: 3, type: 'AKCJA', title: 'Zbiórka karmy dla schroniska', communities: ['LAZ'], years: [2021, 2023] },
  { anchor: '10-12', weekday: 6, type: 'AKCJA', title: 'Sadzenie drzew', communities: ['WZG'], outdoor: true, years: [2022] },
  // The autumn 2021 wave of the pandemic called off the big indoor parties of November and December 2021.
  { anchor: '11-24', weekday: 5, type: 'IMPREZA', title: 'Andrzejki', communities: ['WZG'], years: [2022, 2023] },
  { anchor: '12-03', weekday: 6, type: 'IMPREZA', title: 'Mikołajki osiedlowe', communities: ['WZG', 'OST'], years: [2022, 2023] },
  { anchor: '12-07', weekday: 5, type: 'AKCJA', title: 'Zbiórka żywności przed świętami', communities: ['OST'], years: [2021] },
  { anchor: '12-07', weekday: 5, type: 'AKCJA', title: 'Zbiórka żywności przed świętami', communities: ['WZG'], years: [2022, 2023] },
  { anchor: '12-12', weekday: 3, type: 'IMPREZA', title: 'Spotkanie opłatkowe', communities: ['LAZ', 'OST'] },
];

/** Remarks people write in the yearly survey. */
export const YEARLY_REMARKS: readonly string[] = [
  'Więcej zajęć dla dzieci, proszę.',
  'Dziękuję za pikniki, było super!',
  'Brakuje ławek na osiedlu; może akcja?',
  'Za mało informacji o spotkaniach – ogłoszenia na klatkach schodowych by pomogły.',
  'Chętnie pomogę przy organizacji.',
  'Zajęcia o 17:00 są za wcześnie dla pracujących.',
  'Wreszcie poznałam sąsiadów.',
  'Proszę o więcej wyjść i wycieczek.',
  'Spotkanie z dzielnicowym bardzo potrzebne, "więcej takich".',
  'Świetlica jest za mała, gdy przychodzi dużo osób.',
];

/** Remarks on the post-activity form; some hold commas, quotes and line breaks, as people type them. */
export const AFTER_ACTIVITY_REMARKS: readonly string[] = [
  'Bardzo fajnie, dziękujemy!',
  'Super organizacja, miła atmosfera.',
  'Za krótko, chętnie przyjdę jeszcze raz.',
  'Prowadząca świetnie tłumaczyła, wszystko zrozumiałam.',
  'Było za głośno, ale ogólnie dobrze.',
  'Proszę o powtórkę "warsztatów kulinarnych" :)',
  'Dziękuję.\nDzieci były zachwycone.',
  'Mogłoby być więcej miejsc siedzących',
];
