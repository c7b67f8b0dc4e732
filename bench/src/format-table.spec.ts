import { formatTable } from './format-table';

describe('formatTable', () => {
  it('pads columns to the widest cell, numbers to the right', () => {
    const table = formatTable(
      ['side', 'appends/s', 'ratio'],
      [
        ['coachflow', '1234.5', '0.81x'],
        ['raw pg', '12.0', '1.00x'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'side       appends/s  ratio',
      '---------  ---------  -----',
      'coachflow     1234.5  0.81x',
      'raw pg          12.0  1.00x',
    ]);
  });

  it('treats missing cells as empty', () => {
    expect(formatTable(['a', 'b'], [['x']]).split('\n')).toEqual(['a  b', '-  -', 'x']);
  });
});
