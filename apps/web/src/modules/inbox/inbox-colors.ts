/**
 * The inbox's row colours. Overdue text is red.9: red.8 reads at 4.0:1 on a selected row (indigo.0), under
 * WCAG AA's 4.5:1, which axe reported once a task in the checked inbox fell overdue.
 */
export const OVERDUE_TEXT = 'red.9';
/** The row the keyboard selection is on. */
export const SELECTED_ROW = 'indigo.0';
/** `highlightOnHover`'s row background in the light scheme. */
export const HOVERED_ROW = 'gray.0';
