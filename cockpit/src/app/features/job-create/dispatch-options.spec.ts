import { GraphQLRequestError } from '../../core/graphql/graphql-errors';
import { EMPTY_DISPATCH_FORM, checkDispatch, dispatchInput, type DispatchForm, serverDispatchErrors } from './dispatch-options';

const form = (changes: Partial<DispatchForm>): DispatchForm => ({ ...EMPTY_DISPATCH_FORM, ...changes });

describe('dispatch options of a new job', () => {
  it('queues by default with the server defaults', () => {
    expect(checkDispatch(EMPTY_DISPATCH_FORM)).toEqual({
      valid: true,
      options: { auto: true, priority: null, selector: null, maxAttempts: null, retryBackoffSeconds: null, timeoutSeconds: null, concurrencyKey: null },
    });
  });

  it('passes what was filled in', () => {
    const check = checkDispatch(form({ priority: ' 50 ', selector: 'gpu=true', maxAttempts: '5', retryBackoffSeconds: '0', timeoutSeconds: '600', concurrencyKey: ' acme ' }));
    expect(check).toEqual({
      valid: true,
      options: { auto: true, priority: 50, selector: { gpu: 'true' }, maxAttempts: 5, retryBackoffSeconds: 0, timeoutSeconds: 600, concurrencyKey: 'acme' },
    });
  });

  it('sends nothing of the queue for a manual job, whatever the fields hold', () => {
    expect(checkDispatch(form({ auto: false, priority: 'abc', selector: 'broken' }))).toEqual({
      valid: true,
      options: { auto: false, priority: null, selector: null, maxAttempts: null, retryBackoffSeconds: null, timeoutSeconds: null, concurrencyKey: null },
    });
  });

  it.each([
    [{ priority: '101' }, 'priority', 'dispatch.error.priority'],
    [{ priority: '-101' }, 'priority', 'dispatch.error.priority'],
    [{ priority: '1.5' }, 'priority', 'dispatch.error.priority'],
    [{ maxAttempts: '0' }, 'maxAttempts', 'dispatch.error.maxAttempts'],
    [{ maxAttempts: '21' }, 'maxAttempts', 'dispatch.error.maxAttempts'],
    [{ retryBackoffSeconds: '-1' }, 'retryBackoffSeconds', 'dispatch.error.retryBackoffSeconds'],
    [{ retryBackoffSeconds: '601' }, 'retryBackoffSeconds', 'dispatch.error.retryBackoffSeconds'],
    [{ timeoutSeconds: '0' }, 'timeoutSeconds', 'dispatch.error.timeoutSeconds'],
    [{ timeoutSeconds: 'soon' }, 'timeoutSeconds', 'dispatch.error.timeoutSeconds'],
    [{ selector: 'gpu' }, 'selector', 'dispatch.error.selector.pair'],
    [{ timeoutSeconds: '86401' }, 'timeoutSeconds', 'dispatch.error.timeoutSeconds'],
    [{ concurrencyKey: 'k'.repeat(101) }, 'concurrencyKey', 'dispatch.error.concurrencyKey'],
  ] as const)('names the field of a bad value %j', (changes, field, key) => {
    const check = checkDispatch(form(changes));
    expect(check.valid).toBe(false);
    if (!check.valid) expect(check.errors).toEqual({ [field]: key });
  });

  it('accepts the edges of each range', () => {
    expect(checkDispatch(form({ priority: '-100', maxAttempts: '1' })).valid).toBe(true);
    expect(checkDispatch(form({ priority: '100', maxAttempts: '20', retryBackoffSeconds: '600', timeoutSeconds: '86400', concurrencyKey: 'k'.repeat(100) })).valid).toBe(true);
  });

  it('asks createJob to queue the job with only what differs from the server defaults; a manual job sends the seed’s request', () => {
    const queued = checkDispatch(form({ priority: '50', selector: 'gpu=true', concurrencyKey: 'acme' }));
    expect(queued.valid && dispatchInput(queued.options)).toEqual({ dispatch: 'auto', priority: 50, selector: { gpu: 'true' }, concurrencyKey: 'acme' });
    const plain = checkDispatch(EMPTY_DISPATCH_FORM);
    expect(plain.valid && dispatchInput(plain.options)).toEqual({ dispatch: 'auto' });
    const manual = checkDispatch(form({ auto: false, priority: '50' }));
    expect(manual.valid && dispatchInput(manual.options)).toEqual({});
  });

  it('puts each of the server’s refusals under the field it names (REST’s names, selector keys included)', () => {
    const error = new GraphQLRequestError('graphql', [
      { message: 'must be from 1 to 20', code: 'BAD_USER_INPUT', field: 'max_attempts' },
      { message: 'must be at most 63 characters', code: 'BAD_USER_INPUT', field: 'selector.gpu' },
      { message: 'must not contain control characters', code: 'BAD_USER_INPUT', field: 'concurrency_key' },
      { message: 'is required', code: 'BAD_USER_INPUT', field: 'prompt' },
    ]);
    expect(serverDispatchErrors(error)).toEqual({
      maxAttempts: 'must be from 1 to 20',
      selector: 'must be at most 63 characters',
      concurrencyKey: 'must not contain control characters',
    });
    expect(serverDispatchErrors(new GraphQLRequestError('graphql', [{ message: 'job is processing', code: 'CONFLICT' }]))).toEqual({});
    expect(serverDispatchErrors(new Error('x'))).toEqual({});
  });
});
