import { EMPTY_DISPATCH_FORM, checkDispatch, type DispatchForm } from './dispatch-options';

const form = (changes: Partial<DispatchForm>): DispatchForm => ({ ...EMPTY_DISPATCH_FORM, ...changes });

describe('dispatch options of a new job', () => {
  it('queues by default with the server defaults', () => {
    expect(checkDispatch(EMPTY_DISPATCH_FORM)).toEqual({
      valid: true,
      options: { auto: true, priority: null, selector: null, maxAttempts: null, timeoutSeconds: null, concurrencyKey: null },
    });
  });

  it('passes what was filled in', () => {
    const check = checkDispatch(form({ priority: ' 50 ', selector: 'gpu=true', maxAttempts: '5', timeoutSeconds: '600', concurrencyKey: ' acme ' }));
    expect(check).toEqual({
      valid: true,
      options: { auto: true, priority: 50, selector: { gpu: 'true' }, maxAttempts: 5, timeoutSeconds: 600, concurrencyKey: 'acme' },
    });
  });

  it('sends nothing of the queue for a manual job, whatever the fields hold', () => {
    expect(checkDispatch(form({ auto: false, priority: 'abc', selector: 'broken' }))).toEqual({
      valid: true,
      options: { auto: false, priority: null, selector: null, maxAttempts: null, timeoutSeconds: null, concurrencyKey: null },
    });
  });

  it.each([
    [{ priority: '101' }, 'priority', 'dispatch.error.priority'],
    [{ priority: '-101' }, 'priority', 'dispatch.error.priority'],
    [{ priority: '1.5' }, 'priority', 'dispatch.error.priority'],
    [{ maxAttempts: '0' }, 'maxAttempts', 'dispatch.error.maxAttempts'],
    [{ maxAttempts: '21' }, 'maxAttempts', 'dispatch.error.maxAttempts'],
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
    expect(checkDispatch(form({ priority: '100', maxAttempts: '20', timeoutSeconds: '86400', concurrencyKey: 'k'.repeat(100) })).valid).toBe(true);
  });
});
