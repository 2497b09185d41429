import type { CreateJobInput } from '../../core/graphql/generated';
import { GraphQLRequestError } from '../../core/graphql/graphql-errors';
import { type LabelParse, parseLabels } from '../../shared/labels/labels';

/** What the "New job" form's dispatch section holds, as typed. */
export interface DispatchForm {
  auto: boolean;
  priority: string;
  selector: string;
  maxAttempts: string;
  retryBackoffSeconds: string;
  timeoutSeconds: string;
  concurrencyKey: string;
}

/** The section's values as the server takes them; null means "the server's default". */
export interface DispatchOptions {
  auto: boolean;
  priority: number | null;
  selector: Record<string, string> | null;
  maxAttempts: number | null;
  retryBackoffSeconds: number | null;
  timeoutSeconds: number | null;
  concurrencyKey: string | null;
}

export type DispatchField = 'priority' | 'selector' | 'maxAttempts' | 'retryBackoffSeconds' | 'timeoutSeconds' | 'concurrencyKey';

/** The server's ranges (POST /api/jobs): checked here too, so a bad value is named before anything is sent. */
export const PRIORITY_RANGE = { min: -100, max: 100 } as const;
export const MAX_ATTEMPTS_RANGE = { min: 1, max: 20 } as const;
export const MAX_CONCURRENCY_KEY_LENGTH = 100;
/** One day: longer runs checkpoint and resume rather than hold one attempt open. */
export const MAX_TIMEOUT_SECONDS = 86_400;
/** The first retry's delay; it doubles per attempt, capped by the server at ten minutes. */
export const MAX_RETRY_BACKOFF_SECONDS = 600;

export const EMPTY_DISPATCH_FORM: DispatchForm = {
  auto: true,
  priority: '0',
  selector: '',
  maxAttempts: '',
  retryBackoffSeconds: '',
  timeoutSeconds: '',
  concurrencyKey: '',
};

export type DispatchCheck =
  | { valid: true; options: DispatchOptions }
  | { valid: false; errors: Partial<Record<DispatchField, string>>; selector?: LabelParse };

/** The whole number typed (a sign allowed, nothing else), or null. */
export function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^[+-]?\d+$/.test(t) ? Number(t) : null;
}

/**
 * Checks the dispatch section. Manual jobs keep only their retry settings out of the request: priority, selector,
 * attempts, timeout and key mean something only in the queue, so a manual job sends none of them (the seed's shape).
 * Error values are i18n keys.
 */
export function checkDispatch(form: DispatchForm): DispatchCheck {
  if (!form.auto) {
    return { valid: true, options: { auto: false, priority: null, selector: null, maxAttempts: null, retryBackoffSeconds: null, timeoutSeconds: null, concurrencyKey: null } };
  }
  const errors: Partial<Record<DispatchField, string>> = {};

  const priority = form.priority.trim() === '' ? 0 : wholeNumber(form.priority);
  if (priority === null || priority < PRIORITY_RANGE.min || priority > PRIORITY_RANGE.max) errors.priority = 'dispatch.error.priority';

  const selector = parseLabels(form.selector);
  if (!selector.valid) errors.selector = `dispatch.error.selector.${selector.problem}`;

  const attempts = form.maxAttempts.trim() === '' ? null : wholeNumber(form.maxAttempts);
  if (form.maxAttempts.trim() !== '' && (attempts === null || attempts < MAX_ATTEMPTS_RANGE.min || attempts > MAX_ATTEMPTS_RANGE.max)) {
    errors.maxAttempts = 'dispatch.error.maxAttempts';
  }

  const backoff = form.retryBackoffSeconds.trim() === '' ? null : wholeNumber(form.retryBackoffSeconds);
  if (form.retryBackoffSeconds.trim() !== '' && (backoff === null || backoff < 0 || backoff > MAX_RETRY_BACKOFF_SECONDS)) {
    errors.retryBackoffSeconds = 'dispatch.error.retryBackoffSeconds';
  }

  const timeout = form.timeoutSeconds.trim() === '' ? null : wholeNumber(form.timeoutSeconds);
  if (form.timeoutSeconds.trim() !== '' && (timeout === null || timeout < 1 || timeout > MAX_TIMEOUT_SECONDS)) errors.timeoutSeconds = 'dispatch.error.timeoutSeconds';

  const key = form.concurrencyKey.trim();
  if (key.length > MAX_CONCURRENCY_KEY_LENGTH) errors.concurrencyKey = 'dispatch.error.concurrencyKey';

  if (Object.keys(errors).length > 0) return { valid: false, errors, selector };
  const labels = selector.valid ? selector.labels : {};
  return {
    valid: true,
    options: {
      auto: true,
      priority: priority === 0 ? null : priority,
      selector: Object.keys(labels).length === 0 ? null : labels,
      maxAttempts: attempts,
      retryBackoffSeconds: backoff,
      timeoutSeconds: timeout,
      concurrencyKey: key === '' ? null : key,
    },
  };
}

/** The dispatch part of createJob's input: nothing for a manual job (the seed's request), else what differs from the defaults. */
export function dispatchInput(options: DispatchOptions): Partial<CreateJobInput> {
  if (!options.auto) return {};
  const input: Partial<CreateJobInput> = { dispatch: 'auto' };
  if (options.priority !== null) input.priority = options.priority;
  if (options.selector !== null) input.selector = options.selector;
  if (options.maxAttempts !== null) input.maxAttempts = options.maxAttempts;
  if (options.retryBackoffSeconds !== null) input.retryBackoffSeconds = options.retryBackoffSeconds;
  if (options.timeoutSeconds !== null) input.timeoutSeconds = options.timeoutSeconds;
  if (options.concurrencyKey !== null) input.concurrencyKey = options.concurrencyKey;
  return input;
}

/** REST's field names, which createJob's BAD_USER_INPUT errors carry (selector errors as selector or selector.<key>). */
const SERVER_FIELDS: Record<string, DispatchField> = {
  priority: 'priority',
  selector: 'selector',
  max_attempts: 'maxAttempts',
  retry_backoff_seconds: 'retryBackoffSeconds',
  timeout_seconds: 'timeoutSeconds',
  concurrency_key: 'concurrencyKey',
};

/**
 * The server's refusal of a dispatch field, in the server's words, by the form field it names; empty when the error
 * is not about one of them (then the form shows it as a whole).
 */
export function serverDispatchErrors(error: unknown): Partial<Record<DispatchField, string>> {
  if (!(error instanceof GraphQLRequestError)) return {};
  const errors: Partial<Record<DispatchField, string>> = {};
  for (const e of error.errors) {
    if (e.code !== 'BAD_USER_INPUT' || !e.field) continue;
    const field = SERVER_FIELDS[e.field.split('.')[0]];
    if (field && !errors[field]) errors[field] = e.message;
  }
  return errors;
}
