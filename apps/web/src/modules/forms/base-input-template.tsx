import { Templates } from '@rjsf/mantine';
import type { BaseInputTemplateProps } from '@rjsf/utils';

const MantineBaseInputTemplate = Templates.BaseInputTemplate!;

/**
 * @rjsf/mantine's text and number input, always controlled: it hands Mantine `value={undefined}` for an
 * empty answer, so the input started uncontrolled, switched to controlled at the first key (React's
 * warning), and an answer set back to nothing (undo in the preview, a condition hiding it) left the old
 * text on screen. An empty answer is shown as an empty input; 0 stays 0.
 */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  return <MantineBaseInputTemplate {...props} value={props.value ?? ''} />;
}
