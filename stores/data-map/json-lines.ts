// A small JSON reader that remembers the line of every member, so that a fault in a
// configuration file can be reported as "line 14" rather than as a path to decode.
// JSON.parse cannot do this, and would silently keep the last of two duplicate keys.

export class JsonLineError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Where each value sits: `lineOf(['stores', 'files', 'kind'])` is the line of that member. */
export interface JsonWithLines {
  value: unknown;
  lineOf(path: readonly string[]): number;
  /** Keys written twice in one object, with the line of the second one. */
  duplicates: Array<{ path: string[]; line: number }>;
}

const SEP = '\u0000';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses JSON text, recording the line of each object member and array element. */
export function parseJsonWithLines(text: string): JsonWithLines {
  const lines = new Map<string, number>();
  const duplicates: JsonWithLines['duplicates'] = [];
  let i = 0;
  let line = 1;

  const fail = (what: string): never => {
    throw new JsonLineError(`invalid JSON: ${what}`, line);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const expect = (ch: string) => {
    skipSpace();
    if (text[i] !== ch) fail(`expected "${ch}" but found ${text[i] === undefined ? 'the end of the file' : `"${text[i]}"`}`);
    i++;
  };

  function readString(): string {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') fail('a string runs past the end of its line');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('a string is not closed');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('a string holds an invalid escape');
    }
  }

  function readValue(path: string[]): unknown {
    skipSpace();
    lines.set(path.join(SEP), lines.get(path.join(SEP)) ?? line);
    const ch = text[i];
    if (ch === '{') return readObject(path);
    if (ch === '[') return readArray(path);
    if (ch === '"') return readString();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    return fail(ch === undefined ? 'the file ends where a value was expected' : `unexpected "${ch}"`);
  }

  function readObject(path: string[]): Record<string, unknown> {
    i++;
    const result: Record<string, unknown> = {};
    skipSpace();
    if (text[i] === '}') {
      i++;
      return result;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail('expected a quoted key');
      const keyLine = line;
      const key = readString();
      const at = [...path, key];
      if (Object.hasOwn(result, key)) duplicates.push({ path: at, line: keyLine });
      else lines.set(at.join(SEP), keyLine);
      expect(':');
      result[key] = readValue(at);
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect('}');
      return result;
    }
  }

  function readArray(path: string[]): unknown[] {
    i++;
    const result: unknown[] = [];
    skipSpace();
    if (text[i] === ']') {
      i++;
      return result;
    }
    for (;;) {
      result.push(readValue([...path, String(result.length)]));
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect(']');
      return result;
    }
  }

  const value = readValue([]);
  skipSpace();
  if (i < text.length) fail('unexpected text after the end of the document');
  return {
    value,
    duplicates,
    // A path that is not in the file (a missing member) reports the line of its nearest parent.
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const found = lines.get(path.slice(0, n).join(SEP));
        if (found !== undefined) return found;
      }
      return 1;
    },
  };
}
