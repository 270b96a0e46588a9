/** One CSV record and the line of the file it starts on (the header is usually line 1). */
export interface CsvRow {
  row: number;
  cells: string[];
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, line breaks inside quotes) after
 * dropping a byte-order mark. Blank lines are skipped. Returns the first record as the header and
 * the rest as rows, or an error value when a quote is never closed. Pure.
 */
export function parseCsv(
  text: string,
): { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; message: string } {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let started = false;
  const endRecord = () => {
    cells.push(cell);
    if (started || cells.length > 1 || cell !== '') records.push({ row: start, cells });
    cells = [];
    cell = '';
    started = false;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') i++;
      else if (c === '"') {
        quoted = false;
        continue;
      } else if (c === '\n') line++;
      cell += c;
      continue;
    }
    if (!started && cells.length === 0 && cell === '') start = line;
    if (c === '"' && cell === '') {
      quoted = true;
      started = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      started = true;
    } else if (c === '\r' && input[i + 1] === '\n') {
      continue;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      line++;
    } else {
      cell += c;
      started = true;
    }
  }
  if (quoted)
    return {
      ok: false,
      message: `A quoted field opened on line ${start} is never closed: check for a stray " in that row.`,
    };
  endRecord();
  const [header, ...rows] = records;
  if (!header) return { ok: false, message: 'The file is empty: it needs a header row and one row per incident.' };
  return { ok: true, header: header.cells, rows };
}
