/** A figure hidden by small-count suppression: the value is gone (null), `suppressed` names the fields. */
export interface Suppressible {
  suppressed?: string[];
}
