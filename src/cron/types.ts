/** A problem in a cron spec, located by its offset in the spec text. */
export interface CronProblem {
  /** Offset of the first bad character in the spec string (0-based). */
  offset: number;
  /** Number of bad characters (at least 1 unless the spec ends too early). */
  length: number;
  message: string;
  /** What to write instead. */
  hint: string;
}

/** One schedule line, its `H` values resolved, as sorted lists of the values it fires at. */
export interface CronLine {
  /** The line as written, trimmed. */
  text: string;
  /** Offset of the trimmed line in the spec. */
  offset: number;
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  /** 0 is Sunday; a 7 written in the spec is folded into 0 as Jenkins does. */
  daysOfWeek: number[];
}

export interface CronSpec {
  /** The id of a leading `TZ=` line, when there is one. */
  timezone?: string;
  lines: CronLine[];
}
