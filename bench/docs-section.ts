/** docs/benchmarks.md is shared by the bench scripts: each owns one `## ` section and rewrites only that. */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';

export const BENCHMARKS_DOC = path.resolve(__dirname, '..', 'docs', 'benchmarks.md');

/**
 * Replaces the section that starts with `heading` (a `## ` line) up to the next `## ` heading, or appends it at the
 * end when the document has none. `section` starts with the heading itself.
 */
export function replaceSection(doc: string, heading: string, section: string): string {
  const body = `${section.trimEnd()}\n`;
  const start = doc.startsWith(heading) ? 0 : doc.indexOf(`\n${heading}\n`) + 1;
  if (start <= 0 && !doc.startsWith(heading)) {
    return `${doc.trimEnd()}\n\n${body}`;
  }
  const next = doc.indexOf('\n## ', start + heading.length);
  return next < 0 ? `${doc.slice(0, start)}${body}` : `${doc.slice(0, start)}${body}\n${doc.slice(next + 1)}`;
}

/** Writes one section of docs/benchmarks.md (prettier-formatted like the rest of the file); returns the path. */
export async function writeBenchmarkSection(heading: string, section: string): Promise<string> {
  let current = '';
  try {
    current = readFileSync(BENCHMARKS_DOC, 'utf8');
  } catch {
    current = '# Benchmarks\n';
  }
  const options = (await prettier.resolveConfig(BENCHMARKS_DOC)) ?? {};
  const updated = await prettier.format(replaceSection(current, heading, section), {
    ...options,
    filepath: BENCHMARKS_DOC,
  });
  writeFileSync(BENCHMARKS_DOC, updated);
  return BENCHMARKS_DOC;
}
