// Types for <swipe-deck> and window.SwipeDeck, served beside /widget.js.

export type DeckMode = 'binary' | 'pair';
export type BinaryVerdict = 'like' | 'dislike' | 'skip';
export type PairChoice = 'left' | 'right' | 'tie' | 'skip';

/** A vote as queued and sent to POST /v1/votes. Pair sides are in the order shown. */
export type Vote = {
  id: string;
  rater: string;
  session: string;
  dwellMs?: number;
  clientTs: string;
} & ({ kind: 'binary'; item: string; verdict: BinaryVerdict } | { kind: 'pair'; left: string; right: string; choice: PairChoice });

export interface SwipeDeckOptions {
  /** The app's publishable key (pk_…). */
  key: string;
  /** The Swipeloop server's origin; default: the origin the script was loaded from. */
  host?: string;
  /** The rater id; default: an anonymous id kept in localStorage. */
  rater?: string;
  /** A verified-rater token (v1.<exp>.<sig>) made by the app's backend. */
  raterToken?: string;
  mode?: DeckMode;
  /** Like and pass labels, e.g. "Smash,Pass" or ["Smash", "Pass"]. */
  labels?: string | string[];
  /** Cards to show before the deck says it is done; default: as many as the server has. */
  limit?: number;
  /**
   * Shows the rater's reward points above the cards (default false). The deck then loads its
   * progress module and asks GET /v1/raters/{rater}/progress on start and after each
   * acknowledged batch; without it, it asks nothing and loads nothing more.
   */
  showProgress?: boolean;
  /** Milliseconds a decision waits in the queue before it is sent, so it can be undone (default 1500). */
  holdMs?: number;
  /** Votes per request (default 25). */
  batchSize?: number;
  /** Backoff after a failed send or deck load (default {baseMs: 1000, maxMs: 30000}). */
  retry?: { baseMs: number; maxMs: number };
}

export interface VoteEventDetail { vote: Vote }
export interface FlushEventDetail { sent: number; accepted: number; duplicates: number; pending: number }
export interface EmptyEventDetail { decided: number }
/** A rater's standing as GET /v1/raters/{rater}/progress answers it (points vested; pending not yet). */
export interface ProgressEventDetail {
  rater: string;
  points: number;
  pendingPoints: number;
  /** The tier reached, null before the first. */
  tier: string | null;
  /** The next tier, null at the top or when the app has no tiers. */
  nextMilestone: string | null;
  pointsToNext: number | null;
  streakDays: number;
  badges: string[];
  /** The same per reward policy of the app. */
  policies: { policy: string; [field: string]: unknown }[];
}
/** A tier this browser had not seen for the rater; cancel it to show your own celebration. */
export interface MilestoneEventDetail { tier: string; points: number }
export interface ErrorEventDetail {
  source: 'votes' | 'deck';
  status: number;
  message: string;
  problem?: { type?: string; title?: string; status?: number; detail?: string; errors?: { field: string; message: string }[] } | null;
  retrying: boolean;
  retryInMs?: number;
  /** Vote ids the server refused for good and that were removed from the queue. */
  dropped?: string[];
  pending?: number;
}

export declare class SwipeDeck extends HTMLElement {
  key: string;
  host: string;
  rater: string;
  /** The verified-rater token; remove the attribute to stop sending one. */
  raterToken: string | null;
  mode: DeckMode;
  labels: string[];
  limit: number;
  /** Reflects the boolean `show-progress` attribute. */
  showProgress: boolean;
  /** Votes not yet acknowledged by the server. */
  readonly pending: number;
  options: Pick<SwipeDeckOptions, 'holdMs' | 'batchSize' | 'retry'>;
  /** Answers the card on top; false when refused (image not loaded, or the vote event was cancelled). */
  decide(answer: BinaryVerdict | PairChoice): boolean;
  undo(): void;
  /** Sends queued votes now; resolves when that attempt is over (at once if a send is already under way). */
  flush(): Promise<void>;
  static define(tag?: string, registry?: CustomElementRegistry): void;
  static mount(target: Element, options: SwipeDeckOptions): SwipeDeck;
  static defaultHost: string;
}

declare global {
  interface Window { SwipeDeck: typeof SwipeDeck }
  interface HTMLElementTagNameMap { 'swipe-deck': SwipeDeck }
  interface HTMLElementEventMap {
    'swipe-deck:vote': CustomEvent<VoteEventDetail>;
    'swipe-deck:flush': CustomEvent<FlushEventDetail>;
    'swipe-deck:empty': CustomEvent<EmptyEventDetail>;
    'swipe-deck:error': CustomEvent<ErrorEventDetail>;
    /** With show-progress: every fresh answer of the progress endpoint. */
    'swipe-deck:progress': CustomEvent<ProgressEventDetail>;
    /** With show-progress: a new tier. Cancelable: preventDefault() keeps the deck's own "You reached …!" from showing. */
    'swipe-deck:milestone': CustomEvent<MilestoneEventDetail>;
  }
}
