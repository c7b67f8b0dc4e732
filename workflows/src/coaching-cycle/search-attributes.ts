import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Search attributes that make cycles findable in Temporal's own tools (`CoachingPhase='improve'`). */
export const RepIdAttribute = defineSearchAttributeKey('RepId', SearchAttributeType.KEYWORD);
export const ManagerIdAttribute = defineSearchAttributeKey('ManagerId', SearchAttributeType.KEYWORD);
export const CoachingPhaseAttribute = defineSearchAttributeKey('CoachingPhase', SearchAttributeType.KEYWORD);
export const CycleStatusAttribute = defineSearchAttributeKey('CycleStatus', SearchAttributeType.KEYWORD);

/** Every custom search attribute, for registering them with a server. */
export const COACHING_SEARCH_ATTRIBUTES = [
  RepIdAttribute,
  ManagerIdAttribute,
  CoachingPhaseAttribute,
  CycleStatusAttribute,
];
