// The decline detector's configuration: thresholds are data, with documented defaults, validated
// by the same zod schema that checks decline.json (data/src/config/decline.schema.ts).
import { declineMeasures, declineSchema, type DeclineSettings, type DeclineSettingsInput } from '@osl/data';

export type DeclineMeasure = (typeof declineMeasures)[number];

export const DECLINE_MEASURES: readonly DeclineMeasure[] = declineMeasures;

/**
 * The detector's settings, every field documented with its default and bounds in the configuration
 * schema (data/src/config/decline.schema.ts), which also validates decline.json at start.
 */
export type DeclineConfig = DeclineSettings;

export const DEFAULT_DECLINE_CONFIG: Readonly<DeclineConfig> = deepFreeze(declineSchema.parse({}));

/** What a caller may give: any fields, the elasticity per measure as far as given. */
export type DeclineConfigInput = DeclineSettingsInput;

/**
 * The defaults with the given fields replaced, checked by the configuration schema; throws a
 * RangeError naming the field that is out of range (or unknown) and its value.
 */
export function resolveDeclineConfig(overrides: DeclineConfigInput = {}): DeclineConfig {
  const result = declineSchema.safeParse(overrides);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') throw new RangeError(`Decline configuration: unknown field ${issue.keys.join(', ')}`);
  const field = issue.path.map(String).join('.');
  const value = issue.path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), overrides);
  throw new RangeError(`Decline configuration: ${field} ${issue.message}, got ${JSON.stringify(value)}`);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
