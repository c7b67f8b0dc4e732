import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
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
import { memo, type ReactNode, useMemo } from 'react';

/** What a row gets to render its own reorder controls. */
export interface RowControls {
  index: number;
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
// Module constants: dnd-kit rebuilds its sensors, and with them the context every row reads, whenever these
// options are new objects, which would render every row again on any edit.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };

/**
 * A list reordered by drag (pointer or keyboard: focus the handle, Space, arrows, Space) with announcements
 * for screen readers, and by move up / move down buttons. One component for every list the builder orders.
 */
export function SortableList<T>(props: SortableListProps<T>) {
  const { items, idOf, labelOf, onMove, noun } = props;
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );
  const idList = items.map(idOf);
  // The same array while the order and keys stay (a label edit): dnd-kit then keeps its context, and the
  // memoised rows stay as they are.
  const joined = idList.join('\u0000');
  const ids = useMemo(() => idList, [joined]);
  const nameOf = (id: UniqueIdentifier | undefined) => {
    const index = ids.indexOf(String(id));
    return index >= 0 ? labelOf(items[index]!) : 'the new item';
  };
  const position = (id: UniqueIdentifier | undefined) =>
    id === END ? `the end of the ${noun}` : `position ${ids.indexOf(String(id)) + 1} of ${ids.length}`;

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const target = over.id === END ? items.length : ids.indexOf(String(over.id));
    const from = ids.indexOf(String(active.id));
    if (from < 0) props.onDropNew?.(active.data.current, target < 0 ? items.length : target);
    else if (target >= 0 && target !== from) onMove(from, Math.min(target, items.length - 1));
  };

  const list = (
    <SortableContext items={ids} strategy={verticalListSortingStrategy}>
      {/* Outside the list: a list may hold only its items (axe's aria-required-children). */}
      {items.length === 0 && props.empty}
      <div role={items.length > 0 ? 'list' : undefined} aria-label={items.length > 0 ? noun : undefined}>
        {items.map((item, index) => (
          <SortableItem
            key={ids[index]}
            id={ids[index]!}
            item={item}
            index={index}
            last={index === items.length - 1}
            label={labelOf(item)}
            renderItem={props.renderItem}
            onMove={onMove}
          />
        ))}
        {props.onDropNew && <EndZone />}
      </div>
    </SortableContext>
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: {
          draggable: `To reorder, press Space to pick this up, the arrow keys to move it, Space again to drop it, or Escape to cancel.`,
        },
        announcements: {
          onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, at ${position(active.id)}.`,
          onDragOver: ({ active, over }) =>
            over
              ? `${nameOf(active.id)} is over ${position(over.id)}.`
              : `${nameOf(active.id)} is outside the ${noun}.`,
          onDragEnd: ({ active, over }) =>
            over
              ? `${nameOf(active.id)} dropped at ${position(over.id)}.`
              : `${nameOf(active.id)} dropped; nothing moved.`,
          onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
        },
      }}
    >
      {props.around ? props.around(list) : list}
    </DndContext>
  );
}

interface SortableItemProps<T> {
  id: string;
  item: T;
  index: number;
  last: boolean;
  label: string;
  renderItem: (item: T, controls: RowControls) => ReactNode;
  onMove: (from: number, to: number) => void;
}

/**
 * One row with its reorder controls. Memoised: with a stable `renderItem` and `onMove` and an unchanged
 * item, an edit of another row (or anything else on the page) does not render this one again.
 */
const SortableItem = memo(function SortableItem<T>({
  id,
  item,
  index,
  last,
  label,
  renderItem,
  onMove,
}: SortableItemProps<T>) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id,
    });
  return (
    <div
      ref={setNodeRef}
      role="listitem"
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.6 : 1 }}
    >
      {renderItem(item, {
        index,
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
              disabled={index === 0}
              onClick={() => onMove(index, index - 1)}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={`Move ${label} down`}
              disabled={last}
              onClick={() => onMove(index, index + 1)}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
          </Group>
        ),
      })}
    </div>
  );
}) as <T>(props: SortableItemProps<T>) => ReactNode;

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
