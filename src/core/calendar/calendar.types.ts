/** What the caller adds to the shipped calendar; the lead wires configuration to it. */
export interface CalendarOptions {
  /** Extra full-day closures, 'YYYY-MM-DD' in New York (e.g. a newly announced day of mourning). */
  extraClosures?: readonly string[];
}

/** Equity sessions; the boundaries are [start, end) in New York time. */
export type MarketSession = 'premarket' | 'regular' | 'afterhours' | 'closed';

export interface TradingDaySession {
  /** 'YYYY-MM-DD' in New York. */
  date: string;
  /** 04:00 ET. */
  premarketOpen: Date;
  /** 09:30 ET. */
  open: Date;
  /** 16:00 ET, 13:00 ET on early-close days. */
  close: Date;
  /** 20:00 ET, 17:00 ET on early-close days. */
  afterhoursClose: Date;
  earlyClose: boolean;
  /** Why the day closes early ('Day after Thanksgiving', ...), null on a full day. */
  earlyCloseName: string | null;
}
