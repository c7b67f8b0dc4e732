import { type FormTree } from '@coachflow/forms';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { useHistory } from '../history/useHistory';
import { documentOf } from './form-draft';
import { FormBuilder } from './FormBuilder';
import { emptyTree } from './tree-edits';

/**
 * For component specs: renders the form builder as its page holds it (an acknowledge-plan form with its core
 * field, undo history, the document compiled from the tree) and answers the tree as it is after each render.
 * `publishedKeys`: the keys of the published version, which stay as they are while labels change.
 */
export function renderFormBuilder(publishedKeys: ReadonlySet<string> = new Set()): {
  tree: () => FormTree;
} {
  let latest: FormTree | undefined;
  function Harness() {
    const history = useHistory<FormTree>(emptyTree('acknowledge-plan'));
    latest = history.value;
    return (
      <MantineProvider>
        <FormBuilder
          tree={history.value}
          document={documentOf({ name: 'f', tree: history.value })}
          apiErrors={[]}
          publishedKeys={publishedKeys}
          onEdit={history.edit}
          onUndo={history.undo}
        />
      </MantineProvider>
    );
  }
  render(<Harness />);
  return {
    tree: () => {
      if (!latest) throw new Error('The form builder has not rendered');
      return latest;
    },
  };
}
