import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ScaleButtons } from './ScaleButtons';

const points = [1, 2, 3, 4, 5].map((value) => ({ value, label: `${value} – level ${value}` }));

function Harness({ onChange }: { onChange: (value: number) => void }) {
  const [value, setValue] = useState<number>();
  return (
    <MantineProvider>
      <ScaleButtons
        id="rating"
        label="Building trust"
        points={points}
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
    </MantineProvider>
  );
}

describe('ScaleButtons', () => {
  it('is one radio group named by the competency, entered with a single Tab', async () => {
    const user = userEvent.setup();
    render(<Harness onChange={() => undefined} />);
    expect(screen.getByRole('radiogroup', { name: 'Building trust' })).toBeInTheDocument();
    await user.tab();
    expect(screen.getByRole('radio', { name: '1 – level 1' })).toHaveFocus();
    await user.tab();
    expect(document.body).toHaveFocus();
  });

  it('chooses with arrows and digits, and with a click', async () => {
    const user = userEvent.setup();
    const chosen: number[] = [];
    render(<Harness onChange={(value) => chosen.push(value)} />);
    await user.tab();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await user.keyboard('4');
    await user.keyboard('{ArrowLeft}');
    await user.keyboard('9');
    await user.click(screen.getByRole('radio', { name: '5 – level 5' }));
    expect(chosen).toEqual([2, 3, 4, 3, 5]);
    expect(screen.getByRole('radio', { name: '5 – level 5' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('radio', { name: '5 – level 5' })).toHaveFocus();
  });
});
