import Papa from 'papaparse';

export interface CsvColumn<T> {
  title: string;
  value: (row: T) => unknown;
}

/** CSV text of the given rows (with a header row); values are written as shown, money unchanged. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return Papa.unparse({
    fields: columns.map((c) => c.title),
    data: rows.map((r) => columns.map((c) => {
      const v = c.value(r);
      return v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
    })),
  });
}

/** Saves text as a file; a BOM makes spreadsheet programs read the Chinese right. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob([type.startsWith('text/csv') ? '\uFEFF' + text : text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function parseCsv(text: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return result.data;
}
