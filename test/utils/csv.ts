/**
 * Parses RFC 4180 CSV into records of cells: quoted cells may hold commas, CRLF and doubled quotes.
 * Written for the tests (no CSV library is installed) and strict, so a malformed export fails loudly.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    record.push(cell);
    cell = '';
  };
  while (i < text.length) {
    if (text[i] === '"' && cell === '') {
      const close = quotedEnd(text, i);
      cell = text.slice(i + 1, close).replace(/""/g, '"');
      i = close + 1;
      if (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i)) {
        throw new Error(`CSV: text after a closing quote at offset ${i}`);
      }
    } else if (text[i] === ',') {
      endCell();
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      endCell();
      records.push(record);
      record = [];
      i += 2;
    } else if (text[i] === '"' || text[i] === '\r' || text[i] === '\n') {
      throw new Error(`CSV: unquoted ${JSON.stringify(text[i])} at offset ${i}`);
    } else {
      cell += text[i];
      i += 1;
    }
  }
  if (cell !== '' || record.length > 0) throw new Error('CSV: the last record does not end with CRLF');
  return records;
}

/** Offset of the quote that closes the quoted cell opened at `open`. */
function quotedEnd(text: string, open: number): number {
  let i = open + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) throw new Error(`CSV: quoted cell at offset ${open} never closes`);
    if (text[quote + 1] !== '"') return quote;
    i = quote + 2;
  }
}
