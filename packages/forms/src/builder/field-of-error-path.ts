import { isJsonObject, type JsonSchema } from '../json-schema';
import type { FormDocument } from './compile-form-tree';

/**
 * The top-level field an error of the form's validation concerns (a JSON pointer into the form body, as
 * validateFormBody and the API report them), or undefined when it concerns the form as a whole.
 */
export function fieldOfErrorPath(document: FormDocument, path: string): string | undefined {
  const segments = path
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [root, first, second, third, fourth, fifth] = segments;
  if (root === 'uiSchema') return first && !first.startsWith('ui:') ? first : undefined;
  if (root !== 'schema') return undefined;
  if (first === 'properties') return second;
  if (first === 'allOf' && second !== undefined) {
    if (third === 'then' && fourth === 'properties' && fifth) return fifth;
    const entry = (document.schema['allOf'] as unknown[] | undefined)?.[Number(second)];
    const then = isJsonObject(entry) && isJsonObject(entry['then']) ? entry['then'] : undefined;
    return then && isJsonObject(then['properties'])
      ? Object.keys(then['properties'] as JsonSchema)[0]
      : undefined;
  }
  return undefined;
}
