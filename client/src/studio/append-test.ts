/**
 * `text` with one more test under its top-level `tests:` (a YAML list item starting `- name:`), at
 * the indentation the list already uses; a file without `tests:` gets the key at its end. Pure.
 */
export function appendTest(text: string, item: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^tests:\s*(\[\s*\])?\s*(#.*)?$/.test(l));
  const body = item.replace(/\n+$/, '').split('\n');
  if (at === -1) {
    const base = text === '' || text.endsWith('\n') ? text : `${text}\n`;
    return `${base}tests:\n${indent(body, '  ').join('\n')}\n`;
  }
  // `tests: []` becomes a block list.
  lines[at] = 'tests:';
  let end = at + 1;
  let pad: string | null = null;
  for (; end < lines.length; end++) {
    const line = lines[end] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    // A new top-level key ends the block; a list item at column 0 belongs to it.
    if (!/^\s/.test(line) && !line.startsWith('-')) break;
    if (pad === null) pad = /^(\s*)-/.exec(line)?.[1] ?? '  ';
  }
  // Blank lines and comments before the next key stay with that key.
  let insert = end;
  while (insert > at + 1 && (lines[insert - 1] ?? '').trim() === '') insert--;
  lines.splice(insert, 0, ...indent(body, pad ?? '  '));
  const joined = lines.join('\n');
  return joined.endsWith('\n') ? joined : `${joined}\n`;
}

const indent = (lines: readonly string[], pad: string) => lines.map((l) => (l === '' ? l : `${pad}${l}`));
