/** The separators an export can use: `,`, and `;` for spreadsheets in decimal-comma locales (Latvian Excel). */
export type CsvSeparator = ',' | ';';

/**
 * What a spreadsheet may take for the start of a formula (OWASP's list: = + - @, and tab, CR, LF and NUL,
 * which a spreadsheet drops before it looks) and the full-width forms some input methods type for them.
 * Spaces, control and format characters, and quotes in front of one do not make it safe: a reader can
 * trim or drop them.
 */
const FORMULA_START = /^[\s\p{Cc}\p{Cf}"']*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\p{Cc}\p{Cf}]/u;

/**
 * Where a reader that does not see our quotes could start a new cell or row: after a comma, a semicolon, a
 * tab (a reader of the other separator; a text import with tabs) or a line break. Such a cell, or row,
 * starts with whatever follows, so a formula start there gets the same `'` as one at the start of the cell.
 */
const CELL_BREAK = /([,;\t\r\n\u2028\u2029])(?=[\s\p{Cc}\p{Cf}"']*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/gu;

/**
 * One cell that every spreadsheet reads as text: quoted (RFC 4180, quotes doubled), so that the separator
 * and line breaks inside it stay inside it for a reader that follows the quotes; `'` before a formula
 * start, at the beginning and after every place where a reader that does not follow them would cut.
 */
export const csvCell = (value: string) => {
  const text = (FORMULA_START.test(value) ? `'${value}` : value).replace(CELL_BREAK, "$1'");
  return `"${text.replaceAll('"', '""')}"`;
};

export const csvLine = (cells: readonly string[], separator: CsvSeparator) =>
  `${cells.map(csvCell).join(separator)}\r\n`;
