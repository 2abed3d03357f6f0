/** The words of the forecasts route (/api/indicators/forecast): refusals of a request, each naming its field. */
export const indicatorForecastMessages = {
  'forecast.year': {
    pl: 'Rok (year) musi być jednym z lat projektu: {allowed} (podano „{value}”).',
    en: 'year must be one of the project’s years: {allowed} (got "{value}")',
  },
  'forecast.year_not_begun': {
    pl: 'Rok (year) {year} jeszcze się nie zaczął: prognozy są dla lat do {last}.',
    en: 'year {year} has not begun: forecasts are for the years up to {last}',
  },
  'forecast.year_of_as_of': {
    pl: 'Rok (year) {year} nie zgadza się z dniem „stan na” (asOf) {asOf}: prognoza dotyczy roku, w którym leży ten dzień.',
    en: 'year {year} does not match asOf {asOf}: the forecast is for the year that day lies in',
  },
  'forecast.as_of_outside': {
    pl: 'Dzień „stan na” (asOf) musi leżeć w okresie projektu, od {start} do {end} (podano „{value}”).',
    en: 'asOf must lie inside the project, from {start} to {end} (got "{value}")',
  },
  'forecast.as_of_future': {
    pl: 'Dzień „stan na” (asOf) nie może być późniejszy niż dziś, {today} (podano „{value}”).',
    en: 'asOf must not be after today, {today} (got "{value}")',
  },
  'forecast.as_of_month_end': {
    pl: 'Dzień „stan na” (asOf) z przeszłości musi być ostatnim dniem miesiąca, np. {example} (podano „{value}”).',
    en: 'a past asOf must be the last day of a month, such as {example} (got "{value}")',
  },
} as const;
