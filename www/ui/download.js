// Files and text out of the page: a download by name, the clipboard (or a download where
// the browser refuses it), and the chart data as CSV.

/** Saves `data` (a Blob or a string) as a file called `name`. */
export function download(data, name, type = 'text/plain') {
  const blob = data instanceof Blob ? data : new Blob([data], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click has run; the address can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies `text`; false if the browser refuses (no permission, an old browser, http). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copies `text`, or where the browser refuses, saves it as the file `name`: true if copied. */
export async function copyOrSave(text, name, type) {
  if (await copyText(text)) return true;
  download(text, name, type);
  return false;
}

/**
 * One CSV field. A number is written in full; a text a spreadsheet would run as a formula
 * (beginning with = + - @, a tab or a carriage return) is written after a ', which
 * spreadsheets show as text; then a field with a comma, a quote or a line break is quoted.
 * As rnnp writes it (src/charts/table.rs; tests/fixtures/csv-fields.json for both).
 */
export function csvField(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(String(v)) ? `'${v}` : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A chart's data table (`{columns, rows}`) as CSV, the header row first; numbers in full. */
export function tableCsv(table) {
  return [table.columns, ...table.rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** A file name's part made safe: letters, digits, dots and dashes. */
export function slug(s) {
  return String(s)
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}
