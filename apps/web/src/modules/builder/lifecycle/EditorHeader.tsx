import type { StructuralChange } from '@coachflow/forms';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import type { Undoable } from '../history/useHistory';
import { UndoRedoButtons } from '../shared/UndoRedoButtons';
import type { ConfigurationCollection, ViewOf } from './configuration-api';
import { PublishDialog } from './PublishDialog';
import { ConflictBanner, SaveStatus } from './SaveStatus';
import type { DraftLifecycle } from './useDraftLifecycle';
import { VersionHistory } from './VersionHistory';

/**
 * The top of every builder editor, one for rubrics, forms and playbooks: the way back, the title with its
 * version, where the draft stands, undo and redo, Versions, Publish… (with what changed), and the
 * conflict banner after a 409.
 */
export function EditorHeader<C extends ConfigurationCollection>(props: {
  collection: C;
  id: string;
  /** "Form: Coaching session". */
  title: string;
  /** Said before the version ("For coaching-session tasks"). */
  detail?: string;
  lifecycle: DraftLifecycle<C>;
  history: Pick<Undoable<unknown>, 'undo' | 'redo' | 'canUndo' | 'canRedo'>;
  /** False while the edits cannot be published (invalid). */
  publishable: boolean;
  /** The changes since the published version; null for a first publication. */
  changes: () => Promise<StructuralChange[] | null>;
  /** A read-only rendering of a version in the history (its fields, for forms). */
  renderVersion?: (view: ViewOf<C>) => ReactNode;
  /** Buttons of this editor only (a playbook's Export). */
  actions?: ReactNode;
}) {
  const { lifecycle } = props;
  const view = lifecycle.view;
  const [publishing, setPublishing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  return (
    <>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Anchor component={Link} to="/admin/builder" size="sm" w="fit-content">
            ← Builder
          </Anchor>
          <Title order={1} size="h3">
            {props.title}
          </Title>
          <Text size="sm" c="dimmed">
            {props.detail ? `${props.detail} · ` : ''}version {view?.version} ({view?.status})
            {view?.publishedVersion ? ` · published: v${view.publishedVersion}` : ''}
          </Text>
        </Stack>
        <Group>
          <SaveStatus state={lifecycle.state} />
          <UndoRedoButtons history={props.history} />
          {props.actions}
          <Button variant="default" onClick={() => setShowHistory(true)}>
            Versions
          </Button>
          <Button onClick={() => setPublishing(true)} disabled={!props.publishable || lifecycle.dirty}>
            Publish…
          </Button>
        </Group>
      </Group>
      <ConflictBanner
        state={lifecycle.state}
        onTakeTheirs={lifecycle.takeTheirs}
        onKeepMine={lifecycle.keepMine}
      />
      <PublishDialog
        opened={publishing}
        onClose={() => setPublishing(false)}
        changes={props.changes}
        onPublish={lifecycle.publish}
        blocked={lifecycle.dirty ? 'Wait until your changes are saved.' : undefined}
      />
      {view && (
        <VersionHistory
          collection={props.collection}
          id={props.id}
          latest={view.latestVersion}
          opened={showHistory}
          onClose={() => setShowHistory(false)}
          render={props.renderVersion}
        />
      )}
    </>
  );
}
