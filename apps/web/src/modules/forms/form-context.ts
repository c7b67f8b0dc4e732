/** A rubric as the API's configuration carries it (the parts the widgets show). */
export interface RubricForForms {
  scale: { min: number; max: number; labels?: Record<string, string> };
  competencies: {
    key: string;
    name: string;
    description?: string;
    indicators?: string[];
    target: number;
    weight: number;
  }[];
  kpis?: { key: string; name: string; unit?: string; target: number }[];
}

/** One step in a commitment's life, for the escalation's history. */
export interface CommitmentHistoryEntry {
  at: string;
  text: string;
}

/**
 * What the widgets know beyond the schema: the cycle's pinned rubric (competency indicators), the task's
 * context from the API (ranked gaps, the commitment at stake) and a commitment's history. All optional:
 * the builder's preview renders the same widgets with none of it.
 */
export interface FormContext {
  rubric?: RubricForForms;
  taskContext?: Record<string, unknown>;
  history?: CommitmentHistoryEntry[];
  /** How long the cycle's plan runs (ISO 8601): a quick pick for a commitment's due date. */
  planLength?: string;
}
