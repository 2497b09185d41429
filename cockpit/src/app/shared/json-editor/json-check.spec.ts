import { checkJson } from './json-check';

describe('checkJson', () => {
  it('accepts empty text as "no value" and valid JSON as its value', () => {
    expect(checkJson('  ')).toEqual({ valid: true, value: undefined });
    expect(checkJson('{"a": [1, 2]}')).toEqual({ valid: true, value: { a: [1, 2] } });
  });

  it('says where invalid JSON breaks', () => {
    const result = checkJson('{\n  "a": 1,\n  "b": }');
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.line).toBe(3);
  });

  it('can require an object', () => {
    expect(checkJson('[1]', true).valid).toBe(false);
    expect(checkJson('{}', true).valid).toBe(true);
  });
});
