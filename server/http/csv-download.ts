import type { Context } from 'hono';

export type CsvCell = string | number;

/**
 * A cell as RFC 4180 wants it, made inert for spreadsheets: a cell that starts with = + - @, a tab
 * or a carriage return would run as a formula, so it gets a leading apostrophe (OWASP's advice).
 */
function csvCell(value: CsvCell): string {
  const text = String(value);
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** Rows as CSV text, lines ended by CRLF as RFC 4180 says. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Answers with rows as a CSV file to download; the byte order mark makes spreadsheets read UTF-8. */
export function csvDownload(c: Context, fileName: string, rows: readonly (readonly CsvCell[])[]): Response {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${fileName}"`);
  return c.body(`\uFEFF${csvText(rows)}`);
}
