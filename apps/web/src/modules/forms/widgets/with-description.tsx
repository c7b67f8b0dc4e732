import { Theme } from '@rjsf/mantine';
import type { RegistryWidgetsType, Widget, WidgetProps } from '@rjsf/utils';

/**
 * The theme's widget, showing the field's description (the builder's help text) under its label as the
 * theme's text inputs do. @rjsf/mantine's choice, long-text and date widgets leave it out; each hands its
 * options to the Mantine input, whose `description` is the place for it.
 */
function withDescription(ThemeWidget: Widget): Widget {
  function DescribedWidget(props: WidgetProps) {
    const description = props.hideLabel ? undefined : (props.options.description ?? props.schema.description);
    return (
      <ThemeWidget {...props} options={description ? { ...props.options, description } : props.options} />
    );
  }
  return DescribedWidget;
}

const described = [
  'CheckboxesWidget',
  'DateTimeWidget',
  'DateWidget',
  'RadioWidget',
  'SelectWidget',
  'TextareaWidget',
  'TimeWidget',
] as const;

/** The theme's widgets that need it, wrapped by `withDescription`, under the theme's names. */
export const describedThemeWidgets: RegistryWidgetsType = Object.fromEntries(
  described.flatMap((name) => {
    const widget = Theme.widgets?.[name];
    return widget ? [[name, withDescription(widget)]] : [];
  }),
);
