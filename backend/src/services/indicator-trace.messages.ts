/** The words of an indicator's trace (routes under /api/indicators/:indicator/…): refusals of a request. */
export const indicatorTraceMessages = {
  'indicator.trace_kind': {
    pl: 'Wskaźnik {code} jest liczony inaczej ({kind}); ten wykaz dotyczy wskaźników: {allowed}.',
    en: 'Indicator {code} is computed otherwise ({kind}); this list is for the indicators {allowed}',
  },
  'indicator.trace_whole_project': {
    pl: 'Wykaz dla całego projektu obejmuje inne społeczności: wybierz jedną ze swoich ({allowed}).',
    en: 'The whole project’s list covers other communities: choose one of yours ({allowed})',
  },
} as const;
