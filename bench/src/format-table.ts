/**
 * Plain text columns padded to their widest cell: text left-aligned, numbers (cells that parse as one,
 * optionally with a trailing `x` or `%`) right-aligned so their digits line up.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const columns = Math.max(...all.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...all.map((row) => (row[c] ?? '').length)),
  );
  const numeric = (cell: string) => /^-?[\d,.]+[x%]?$/.test(cell);
  const line = (row: readonly string[]) =>
    widths
      .map((width, c) => {
        const cell = row[c] ?? '';
        return numeric(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
