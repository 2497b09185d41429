/** Limits of agent labels and job selectors: the server's (AgentLabelRules), checked here so a typo shows at once. */
export const MAX_LABELS = 32;
export const MAX_LABEL_LENGTH = 63;

/** The result of reading `gpu=true, region=eu`: the pairs, or the first thing wrong with the text. */
export type LabelParse =
  | { valid: true; labels: Record<string, string> }
  | { valid: false; problem: 'pair' | 'emptyKey' | 'tooLong' | 'duplicate' | 'tooMany' | 'control'; entry: string };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Reads labels written as the agent's AGENT_LABELS is: comma-separated key=value pairs, blanks around each part
 * ignored, empty entries skipped, a value may be empty. Empty text is no labels.
 */
export function parseLabels(text: string): LabelParse {
  const labels: Record<string, string> = {};
  let count = 0;
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const at = entry.indexOf('=');
    if (at < 0) return { valid: false, problem: 'pair', entry };
    const key = entry.slice(0, at).trim();
    const value = entry.slice(at + 1).trim();
    if (key === '') return { valid: false, problem: 'emptyKey', entry };
    if (key.length > MAX_LABEL_LENGTH || value.length > MAX_LABEL_LENGTH) return { valid: false, problem: 'tooLong', entry };
    if (CONTROL.test(key) || CONTROL.test(value)) return { valid: false, problem: 'control', entry };
    if (Object.prototype.hasOwnProperty.call(labels, key)) return { valid: false, problem: 'duplicate', entry };
    labels[key] = value;
    count++;
  }
  if (count > MAX_LABELS) return { valid: false, problem: 'tooMany', entry: String(count) };
  return { valid: true, labels };
}

/** `key=value` for each string pair of a labels object as the server sends it (JSON), keys sorted; [] for anything else. */
export function labelPairs(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, v]) => `${key}=${v}`);
}
