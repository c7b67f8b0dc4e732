import {
  closestCenter,
  DndContext,
  type DragCancelEvent,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useDndMonitor,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical } from '@tabler/icons-react';
import { memo, type ReactNode, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useSameArray } from './useSameArray';
import { useStableCallback } from './useStableCallback';

/**
 * What a row gets to render its own reorder controls. Not its position: a row renders again when its item,
 * name or place at either end changes (or `renderItem` does), not when a move only swaps it with a
 * neighbour; a row that shows its position finds it in its own list (`renderItem` changes with the list).
 */
export interface RowControls {
  /** Drag handle plus move up / move down buttons, labelled with the row's name. */
  handle: ReactNode;
}

interface SortableListProps<T> {
  items: readonly T[];
  idOf: (item: T) => string;
  /** How a screen reader and the buttons name a row. */
  labelOf: (item: T) => string;
  onMove: (from: number, to: number) => void;
  renderItem: (item: T, controls: RowControls) => ReactNode;
  /** Something dragged in from outside the list (the palette) dropped before row `index`. */
  onDropNew?: (data: unknown, index: number) => void;
  /** Lays the list out among things that share its drag context (the palette); the list by default. */
  around?: (list: ReactNode) => ReactNode;
  /** Names the list for screen readers ("fields", "competencies"). */
  noun: string;
  empty?: ReactNode;
}

const END = '__end__';
// Module constants: dnd-kit rebuilds its sensors, and with them its context, whenever these options are new
// objects.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };

/** What the rows are drawn from; published to `ListBody` through a store (see `SortableList`). */
interface ListState<T> {
  items: readonly T[];
  ids: readonly string[];
  labelOf: (item: T) => string;
  renderItem: (item: T, controls: RowControls) => ReactNode;
  moveBy: MoveBy;
  noun: string;
  empty: ReactNode;
  dropsNew: boolean;
}

/** A value that components read with `useSyncExternalStore`: setting it renders only them. */
function createStore<S>(initial: S) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: S) {
      if (Object.is(next, state)) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
type Store<S> = ReturnType<typeof createStore<S>>;

/**
 * A list reordered by drag (pointer or keyboard: focus the handle, Space, arrows, Space) with announcements
 * for screen readers, and by move up / move down buttons. One component for every list the builder orders.
 *
 * dnd-kit's `DndContext` hands its context a new value on each of its renders, and React then walks every
 * row under it that did not render, looking for readers: on a 200-field form that walk cost more than the
 * edit. So the `DndContext` here renders only when its own props change (all kept stable) and what `around`
 * lays out does; the rows reach `ListBody` through a store, which renders the list and, of the rows (each
 * memoised), only those that changed.
 */
export function SortableList<T>(props: SortableListProps<T>) {
  const { items, idOf, labelOf, onMove, noun, around } = props;
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );
  // The same array while the order and keys stay (a label edit): dnd-kit then keeps its context.
  const ids = useSameArray(items.map(idOf));
  // By the row's id, read when pressed: a row's buttons stay the same while it moves.
  const moveBy: MoveBy = useStableCallback((id: string, by: number) => {
    const from = ids.indexOf(id);
    if (from >= 0) onMove(from, from + by);
  });
  const state: ListState<T> = useMemo(
    () => ({
      items,
      ids,
      labelOf,
      renderItem: props.renderItem,
      moveBy,
      noun,
      empty: props.empty,
      dropsNew: props.onDropNew !== undefined,
    }),
    [items, ids, labelOf, props.renderItem, moveBy, noun, props.empty, props.onDropNew],
  );
  const [store] = useState(() => createStore(state));
  // Before the browser paints: the rows show this render's items in the same frame.
  useLayoutEffect(() => store.set(state), [store, state]);

  const nameOf = (id: UniqueIdentifier | undefined) => {
    const index = ids.indexOf(String(id));
    return index >= 0 ? labelOf(items[index]!) : 'the new item';
  };
  const position = (id: UniqueIdentifier | undefined) =>
    id === END ? `the end of the ${noun}` : `position ${ids.indexOf(String(id)) + 1} of ${ids.length}`;
  const onDragEnd = useStableCallback(({ active, over }: DragEndEvent) => {
    if (!over) return;
    const target = over.id === END ? items.length : ids.indexOf(String(over.id));
    const from = ids.indexOf(String(active.id));
    if (from < 0) props.onDropNew?.(active.data.current, target < 0 ? items.length : target);
    else if (target >= 0 && target !== from) onMove(from, Math.min(target, items.length - 1));
  });
  const onDragStartSay = useStableCallback(
    ({ active }: DragStartEvent) => `Picked up ${nameOf(active.id)}, at ${position(active.id)}.`,
  );
  const onDragOverSay = useStableCallback(({ active, over }: DragOverEvent) =>
    over
      ? `${nameOf(active.id)} is over ${position(over.id)}.`
      : `${nameOf(active.id)} is outside the ${noun}.`,
  );
  const onDragEndSay = useStableCallback(({ active, over }: DragEndEvent) =>
    over
      ? `${nameOf(active.id)} dropped at ${position(over.id)}.`
      : `${nameOf(active.id)} dropped; nothing moved.`,
  );
  const onDragCancelSay = useStableCallback(
    ({ active }: DragCancelEvent) => `Moving ${nameOf(active.id)} was cancelled.`,
  );
  // Made once: the announcers are stable and read the latest rows when called.
  const accessibility = useMemo(
    () => ({
      screenReaderInstructions: {
        draggable: `To reorder, press Space to pick this up, the arrow keys to move it, Space again to drop it, or Escape to cancel.`,
      },
      announcements: {
        onDragStart: onDragStartSay,
        onDragOver: onDragOverSay,
        onDragEnd: onDragEndSay,
        onDragCancel: onDragCancelSay,
      },
    }),
    [onDragStartSay, onDragOverSay, onDragEndSay, onDragCancelSay],
  );
  const children = useMemo(() => {
    const list = <ListBody store={store as Store<ListState<unknown>>} />;
    return around ? around(list) : list;
  }, [around, store]);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={accessibility}
    >
      {children}
    </DndContext>
  );
}

/** The rows, as the store has them: renders on its own when they change. */
function ListBody({ store }: { store: Store<ListState<unknown>> }) {
  const { items, ids, labelOf, renderItem, moveBy, noun, empty, dropsNew } = useSyncExternalStore(
    store.subscribe,
    store.get,
  );
  const dragOrder = useDragOrder(ids);
  return (
    <SortableContext items={dragOrder as string[]} strategy={verticalListSortingStrategy}>
      {/* Outside the list: a list may hold only its items (axe's aria-required-children). */}
      {items.length === 0 && empty}
      <div role={items.length > 0 ? 'list' : undefined} aria-label={items.length > 0 ? noun : undefined}>
        {items.map((item, index) => (
          <SortableItem
            key={ids[index]}
            id={ids[index]!}
            item={item}
            first={index === 0}
            last={index === items.length - 1}
            label={labelOf(item)}
            renderItem={renderItem}
            moveBy={moveBy}
          />
        ))}
        {dropsNew && <EndZone />}
      </div>
    </SortableContext>
  );
}

type DragPhase = 'idle' | 'dragging' | 'dropped';

/**
 * The order dnd-kit sorts by. Each `useSortable` renders again whenever it changes, so between drags it
 * stays what the last drag left: a move by button renders the two rows that swapped, not 200 hooks. dnd-kit
 * reads it only while something is dragged, so during a drag, and for the change a drop makes, it is the
 * rows' own order.
 */
function useDragOrder(ids: readonly string[]): readonly string[] {
  const [order, setOrder] = useState(ids);
  const [phase, setPhase] = useState<DragPhase>('idle');
  const monitor = useMemo(
    () => ({
      onDragStart: () => setPhase('dragging'),
      onDragEnd: () => setPhase('dropped'),
      onDragCancel: () => setPhase('dropped'),
    }),
    [],
  );
  useDndMonitor(monitor);
  // Set while rendering (React's pattern for state derived from props): no second commit.
  if (phase !== 'idle' && order !== ids) {
    setOrder(ids);
    if (phase === 'dropped') setPhase('idle');
  }
  return phase === 'dragging' ? ids : order;
}

/** Moves the row with this id by `by` places (-1: up). */
type MoveBy = (id: string, by: number) => void;

interface SortableItemProps<T> {
  id: string;
  item: T;
  first: boolean;
  last: boolean;
  label: string;
  renderItem: (item: T, controls: RowControls) => ReactNode;
  moveBy: MoveBy;
}

/**
 * One row's place in the drag context. dnd-kit's context changes during a drag (see `useDragOrder`), so
 * every item renders then; it hands its row only what the row shows, and the row (`SortableRow`, memoised)
 * renders again only when its own item, name, place at an end or drag state changed. No row shows its
 * position, so a move by button or key renders no row at all (the two swapped only at the list's ends):
 * React moves the row's element.
 */
const SortableItem = memo(function SortableItem<T>(row: SortableItemProps<T>) {
  const { id } = row;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id,
    });
  return (
    <div
      ref={setNodeRef}
      role="listitem"
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        // Above the rows it passes: each row is its own stacking context, painted in document order.
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
        // Rows off screen are neither laid out nor painted: a move or an edit on a long list repaints what
        // is seen, not 200 rows.
        contentVisibility: 'auto',
        containIntrinsicSize: 'auto 56px',
      }}
    >
      <SortableRow
        {...row}
        attributes={attributes}
        listeners={listeners}
        setActivatorNodeRef={setActivatorNodeRef}
      />
    </div>
  );
}) as <T>(props: SortableItemProps<T>) => ReactNode;

type SortableRowProps<T> = SortableItemProps<T> &
  Pick<ReturnType<typeof useSortable>, 'attributes' | 'listeners' | 'setActivatorNodeRef'>;

const SortableRow = memo(function SortableRow<T>({
  id,
  item,
  first,
  last,
  label,
  renderItem,
  moveBy,
  attributes,
  listeners,
  setActivatorNodeRef,
}: SortableRowProps<T>) {
  return renderItem(item, {
    handle: (
      <Group gap={2} wrap="nowrap">
        <ActionIcon
          ref={setActivatorNodeRef}
          variant="subtle"
          aria-label={`Drag ${label}`}
          style={{ cursor: 'grab', touchAction: 'none' }}
          {...attributes}
          {...listeners}
        >
          <IconGripVertical size={16} />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          aria-label={`Move ${label} up`}
          disabled={first}
          onClick={() => moveBy(id, -1)}
        >
          <IconArrowUp size={16} />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          aria-label={`Move ${label} down`}
          disabled={last}
          onClick={() => moveBy(id, 1)}
        >
          <IconArrowDown size={16} />
        </ActionIcon>
      </Group>
    ),
  });
}) as <T>(props: SortableRowProps<T>) => ReactNode;

// Where something dragged from outside lands at the end of the list.
function EndZone() {
  const { setNodeRef, isOver } = useDroppable({ id: END });
  return (
    <div
      ref={setNodeRef}
      data-testid="drop-end"
      style={{
        minHeight: 48,
        border: '2px dashed var(--mantine-color-gray-4)',
        borderColor: isOver ? 'var(--mantine-color-blue-6)' : undefined,
        borderRadius: 8,
        marginTop: 8,
      }}
      aria-hidden
    />
  );
}

/** `list` with the item at `from` moved to `to`. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
