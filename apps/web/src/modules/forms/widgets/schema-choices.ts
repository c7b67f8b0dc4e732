import type { RJSFSchema } from '@rjsf/utils';
import type { ScalePoint } from './ScaleButtons';

/** The points of a rating schema: its `oneOf` consts with their titles, else minimum..maximum. */
export function scalePointsOf(schema: RJSFSchema): ScalePoint[] {
  if (Array.isArray(schema.oneOf)) {
    return schema.oneOf.flatMap((option) =>
      typeof option === 'object' && typeof option.const === 'number'
        ? [{ value: option.const, label: option.title ?? String(option.const) }]
        : [],
    );
  }
  const min = typeof schema.minimum === 'number' ? schema.minimum : 1;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 5;
  if (max - min > 20) return [];
  return Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, label: String(min + i) }));
}
