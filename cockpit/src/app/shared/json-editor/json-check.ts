/** The result of checking text as JSON: the value, or where and why it is not JSON. */
export type JsonCheck =
  | { valid: true; value: unknown }
  | { valid: false; message: string; line: number | null; column: number | null };

/**
 * Parses JSON and, when it fails, finds the line and column of the error from the engine's message ("at position
 * 12" in V8, "line 1 column 13" in Firefox). Empty text is valid and means "no value".
 */
export function checkJson(text: string, requireObject = false): JsonCheck {
  if (text.trim() === '') return { valid: true, value: undefined };
  try {
    const value: unknown = JSON.parse(text);
    if (requireObject && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      return { valid: false, message: 'expected a JSON object ({ … })', line: 1, column: 1 };
    }
    return { valid: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/i.exec(message);
    if (lineColumn) return { valid: false, message, line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
    const position = /position (\d+)/i.exec(message);
    const offset = position ? Number(position[1]) : findErrorOffset(text);
    if (offset === null) return { valid: false, message, line: null, column: null };
    const lines = text.slice(0, offset).split('\n');
    return { valid: false, message, line: lines.length, column: lines[lines.length - 1].length + 1 };
  }
}

/**
 * Where JSON text stops being JSON (engines do not always say: V8 reports "Unexpected end of JSON input" or quotes the
 * text without a position). A small recursive-descent scan; null when it finds no error.
 */
export function findErrorOffset(text: string): number | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] < ' ') fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return void literal('true');
    if (c === 'f') return void literal('false');
    if (c === 'n') return void literal('null');
    return number();
  };
  try {
    value();
    ws();
    return i < text.length ? i : null;
  } catch (offset) {
    return typeof offset === 'number' ? Math.min(offset, text.length) : null;
  }
}
