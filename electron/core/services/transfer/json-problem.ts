/**
 * Where JSON text goes wrong, for messages that name a line rather than quote the parser (V8 gives
 * no position for an unexpected token, only a snippet of the file). Run only after JSON.parse has
 * failed; iterative, so deeply nested files cannot overflow the stack.
 */

const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escape = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** The offset of the first character that makes `text` invalid JSON (its length when it ends too early), or -1 when it is valid. */
export function jsonProblemOffset(text: string): number {
  let at = 0;
  const open: string[] = [];
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at += 1;
  };
  const string = (): boolean => {
    at += 1;
    while (at < text.length) {
      const char = text[at]!;
      if (char === '"') {
        at += 1;
        return true;
      }
      if (char === '\\') {
        escape.lastIndex = at;
        if (!escape.test(text)) return false;
        at = escape.lastIndex;
      } else if (char < ' ') return false;
      else at += 1;
    }
    return false;
  };
  const scalar = (): boolean => {
    const char = text[at];
    if (char === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return true;
      }
    }
    number.lastIndex = at;
    if (!number.test(text)) return false;
    at = number.lastIndex;
    return true;
  };
  // A loop over what comes next, not recursion: nesting depth costs only the `open` list.
  let next: 'value' | 'member' | 'after' = 'value';
  for (;;) {
    space();
    const char = text[at];
    if (next === 'value') {
      if (char === '{' || char === '[') {
        open.push(char);
        at += 1;
        space();
        const empty = text[at] === (char === '{' ? '}' : ']');
        if (empty) {
          open.pop();
          at += 1;
        }
        next = empty ? 'after' : char === '{' ? 'member' : 'value';
      } else if (scalar()) next = 'after';
      else return at;
    } else if (next === 'member') {
      if (char !== '"' || !string()) return at;
      space();
      if (text[at] !== ':') return at;
      at += 1;
      next = 'value';
    } else {
      const inside = open.at(-1);
      if (inside === undefined) return at === text.length ? -1 : at;
      if (char === (inside === '{' ? '}' : ']')) {
        open.pop();
        at += 1;
      } else if (char === ',') {
        at += 1;
        next = inside === '{' ? 'member' : 'value';
      } else return at;
    }
  }
}

/** Line and column (both from 1) of an offset in `text`. */
export function lineAndColumn(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
