/**
 * Spreadsheet formula injection: a cell that starts with = + - @, a tab or a
 * carriage return is run as a formula by Excel, LibreOffice and Google Sheets
 * (`=HYPERLINK("http://evil", "click")`), and so is one where those come after
 * spaces or quotes, which spreadsheets strip first. Such values get a leading
 * apostrophe, which spreadsheets show as plain text. (OWASP: CSV Injection.)
 */
const RISKY = /^[\s"']*[=+\-@\t\r]/;

/** A semicolon inside a value followed by what would start a formula: where a `;` locale's spreadsheet cuts a cell. */
const RISKY_AFTER_SEMICOLON = /;(?=[\s"']*[=+\-@\t\r])/g;

export function neutralise<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  // French or Spanish Excel opens even a comma-separated file by cutting at semicolons, inside quotes too.
  const cut = value.replace(RISKY_AFTER_SEMICOLON, ";'");
  return RISKY.test(cut) ? `'${cut}` : cut;
}

/**
 * One CSV field: neutralised, quoted when it holds a comma, a semicolon, a quote or a line break. The semicolon
 * too, since French or Spanish Excel splits a comma-separated file on semicolons: unquoted, `a;=1+1` would become
 * a cell of its own, starting with "=".
 */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const flat = Array.isArray(value) && value.every((v) => typeof v !== 'object') ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : value;
  const text = String(neutralise(flat));
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document (RFC 4180, CRLF line ends, UTF-8 BOM so Excel reads accents). `separator: ';'` gives what
 * Excel opens directly in locales whose decimal mark is a comma (French, Spanish, German…).
 */
export function toCsv(columns: string[], rows: Record<string, unknown>[], { separator = ',' }: { separator?: ',' | ';' } = {}): string {
  const lines = [columns.map(csvField).join(separator), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(separator))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
