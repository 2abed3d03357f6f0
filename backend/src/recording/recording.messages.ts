/**
 * The words of recording an activity through the form (routes under /api/recording): refusals of
 * the form as a whole. The checks of each value are the importer's own (import.messages.ts).
 */
export const recordingMessages = {
  'recording.invalid': {
    pl: 'Nie zapisano zajęć: popraw zaznaczone pola ({count}).',
    en: 'The activity was not saved: correct the marked fields ({count}).',
  },
  'recording.date_required': { pl: 'Podaj datę zajęć.', en: 'Give the date of the activity.' },
  'recording.type_required': { pl: 'Wybierz rodzaj zajęć.', en: 'Choose the type of activity.' },
  'recording.title_required': { pl: 'Podaj temat zajęć.', en: 'Give the topic of the activity.' },
  'recording.activity_not_found': {
    pl: 'W społeczności {community} nie ma zajęć o numerze „{id}”.',
    en: 'Community {community} has no activity numbered "{id}".',
  },
  'recording.community_unknown': { pl: 'Nie ma społeczności {community}.', en: 'There is no community {community}.' },
  'recording.outside_project': {
    pl: 'Data {date} jest poza okresem projektu ({start} – {end}): zajęcia zostaną zapisane, ale nie liczą się do wskaźników projektu.',
    en: 'The date {date} is outside the project period ({start} – {end}): the activity is saved but does not count toward the project’s indicators.',
  },
} as const;
