import { type Static, Type } from '@sinclair/typebox';

const CheckState = Type.Union([Type.Literal('up'), Type.Literal('down')]);

export const HealthView = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  checks: Type.Object({ database: CheckState, temporal: CheckState }),
});
export type HealthView = Static<typeof HealthView>;
