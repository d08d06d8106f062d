// The deadline plan the deadline activities compute and the workflow's deadline watch follows.

/** A deadline plan: the due instant and the moments at which staff are warned. */
export interface DeadlinePlan {
  dueAt: string;
  dueDate: string;
  basis: string;
  alerts: Array<{ at: string; kind: 'reminder' | 'escalation' | 'deadline-reply'; daysBefore: number }>;
  /** Further extensions the regime allows, and the last instant to give notice of one. */
  extensionsLeft: number;
  extendBy: string | null;
}
