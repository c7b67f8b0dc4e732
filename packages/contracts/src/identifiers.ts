import { Type } from '@sinclair/typebox';

/** A UUID as the API writes ids. */
export const Uuid = Type.String({ format: 'uuid' });

/** Free text a person typed: bounded so no request can make us store megabytes in a name. */
export const ShortText = (maxLength = 200) => Type.String({ minLength: 1, maxLength });
