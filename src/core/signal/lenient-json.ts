/**
 * Repairs the JSON mistakes alert authors actually make, and nothing more (this is not JSON5): a BOM, smart quotes
 * from copy-paste, single-quoted strings, trailing commas, raw line breaks inside strings, bare `NaN`/`Infinity`
 * from TradingView plots, and bare `{{placeholders}}` that TradingView left unsubstituted in number positions
 * (quoted so the normalizer can name them). Returns the repaired text; the caller still runs JSON.parse.
 */
export function repairJson(raw: string): string {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'");
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const [literal, next] = readString(text, i, ch);
      out += literal;
      i = next;
    } else if (ch === ',') {
      const rest = /^\s*/.exec(text.slice(i + 1, i + 200))?.[0].length ?? 0;
      const following = text[i + 1 + rest];
      if (following !== '}' && following !== ']') {
        out += ch;
      }
      i += 1;
    } else if (text.startsWith('{{', i)) {
      const end = text.slice(i, i + 100).indexOf('}}');
      const placeholder = end === -1 ? null : text.slice(i, i + end + 2);
      if (placeholder && !/[{}"\n]/.test(placeholder.slice(2, -2))) {
        out += JSON.stringify(placeholder);
        i += placeholder.length;
      } else {
        out += ch;
        i += 1;
      }
    } else if (/^(NaN|-?Infinity)\b/.test(text.slice(i, i + 9)) && !/[\w$]/.test(text[i - 1] ?? '')) {
      const word = /^(NaN|-?Infinity)/.exec(text.slice(i, i + 9))?.[0] ?? 'NaN';
      out += 'null';
      i += word.length;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** Reads a string starting at `start` (its opening quote) and returns it as a double-quoted JSON literal. */
function readString(text: string, start: number, quote: string): [string, number] {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      const escaped = text[i + 1];
      // \' is not a JSON escape; inside a single-quoted string it means a plain quote.
      value += escaped === "'" ? "'" : ch + escaped;
      i += 2;
      continue;
    }
    if (ch === quote) {
      return [`"${value}"`, i + 1];
    }
    if (ch === '"') {
      value += '\\"';
    } else if (ch === '\n') {
      value += '\\n';
    } else if (ch === '\r') {
      value += '\\r';
    } else if (ch === '\t') {
      value += '\\t';
    } else {
      value += ch;
    }
    i += 1;
  }
  // Unterminated: leave it broken so JSON.parse refuses it.
  return [`"${value}`, i];
}
