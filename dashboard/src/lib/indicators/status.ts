// How each indicator status looks. Colour is never the only cue: every status has its own icon
// shape and a text label. Colours are from the Okabe–Ito palette (safe for colour-blind readers).
import type { IndicatorStatus } from '$lib/api/client';
import type { MessageKey } from '$lib/i18n/messages';

export type StatusIcon = 'check' | 'alert' | 'cross' | 'star' | 'diamond' | 'dash' | 'ring' | 'clock';
export type StatusTone = 'good' | 'warn' | 'bad' | 'neutral';

export interface StatusAppearance {
  tone: StatusTone;
  icon: StatusIcon;
  /** Fill of the icon; text next to it stays dark for contrast. */
  color: string;
  labelKey: MessageKey;
}

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

const NEUTRAL_GREY = '#8A8F98';

const APPEARANCE: Record<IndicatorStatus, StatusAppearance> = {
  on_track: { tone: 'good', icon: 'check', color: OKABE_ITO.bluishGreen, labelKey: 'status.on_track' },
  at_risk: { tone: 'warn', icon: 'alert', color: OKABE_ITO.orange, labelKey: 'status.at_risk' },
  behind: { tone: 'bad', icon: 'cross', color: OKABE_ITO.vermillion, labelKey: 'status.behind' },
  // A year that is over: the target reached or not, in shapes of their own (not the traffic lights').
  achieved: { tone: 'good', icon: 'star', color: OKABE_ITO.bluishGreen, labelKey: 'status.achieved' },
  not_achieved: { tone: 'bad', icon: 'diamond', color: OKABE_ITO.vermillion, labelKey: 'status.not_achieved' },
  no_data: { tone: 'neutral', icon: 'dash', color: NEUTRAL_GREY, labelKey: 'status.no_data' },
  no_target: { tone: 'neutral', icon: 'ring', color: NEUTRAL_GREY, labelKey: 'status.no_target' },
  not_started: { tone: 'neutral', icon: 'clock', color: NEUTRAL_GREY, labelKey: 'status.not_started' },
};

/** An unknown status (a newer backend) is shown as "no data" rather than breaking the page. */
export function statusAppearance(status: IndicatorStatus | string): StatusAppearance {
  return APPEARANCE[status as IndicatorStatus] ?? APPEARANCE.no_data;
}

/** The traffic-light statuses (a year that runs) in the order the legend shows them. */
export const TRAFFIC_LIGHT_STATUSES: readonly IndicatorStatus[] = ['on_track', 'at_risk', 'behind'];

/** The statuses of a year that is over, in the order the legend shows them. */
export const YEAR_OVER_STATUSES: readonly IndicatorStatus[] = ['achieved', 'not_achieved'];

export interface StatusThresholds {
  /** value ≥ onTrack × expected → on track. */
  onTrack: number;
  /** atRisk × expected ≤ value < onTrack × expected → at risk; below → behind. */
  atRisk: number;
}

/** The method in docs/spec/indicators.md; the backend computes the status, this is only for the legend. */
export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { onTrack: 0.9, atRisk: 0.75 };
