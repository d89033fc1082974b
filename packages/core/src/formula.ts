/**
 * Spreadsheet formula injection: a cell that starts with = + - @, a tab or a
 * carriage return is run as a formula by Excel, LibreOffice and Google Sheets
 * (`=HYPERLINK("http://evil", "click")`). Such values get a leading apostrophe,
 * which spreadsheets show as plain text. (OWASP: CSV Injection.)
 */
const RISKY = /^[=+\-@\t\r]/;

export function neutralise<T>(value: T): T | string {
  return typeof value === 'string' && RISKY.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, quoted when it holds a comma, quote or line break. */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const flat = Array.isArray(value) && value.every((v) => typeof v !== 'object') ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : value;
  const text = String(neutralise(flat));
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (RFC 4180, CRLF line ends, UTF-8 BOM so Excel reads accents). */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(csvField).join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
