// Chart colours (Okabe–Ito: distinguishable with the common colour-vision deficiencies) and text.
import { OKABE_ITO } from '$lib/indicators/status';

export const CHART_COLORS = {
  attendances: OKABE_ITO.skyBlue,
  cumulative: OKABE_ITO.blue,
  targetPath: OKABE_ITO.vermillion,
  highlight: 'rgba(15, 40, 70, 0.045)',
} as const;

export const CHART_TEXT = {
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif',
  body: '#1f2933',
  muted: '#5b6570',
  axisLine: '#c4cad1',
  gridLine: '#eceff2',
} as const;
