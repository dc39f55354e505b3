// What the agent sync needs from wherever the queued edits live (IndexedDB in the extension, an
// array in unit tests).

export interface OutboxItem {
  seq: number;
  profile: string;
  /** The page key as the agent takes it (see `agentPageKey`). */
  page: Record<string, string>;
  field: string;
  op: 'save' | 'delete';
  value: string;
}

export interface OutboxPort {
  /** The oldest change not yet delivered that was queued after `afterSeq` (0: from the start). */
  next(afterSeq: number): Promise<OutboxItem | undefined>;
  count(): Promise<number>;
  /** The agent version this client last saw for the item's field (0: none). */
  knownVersion(item: OutboxItem): Promise<number>;
  /** The agent acknowledged the item (with this version of the field): take it off the queue. */
  delivered(item: OutboxItem, version: number): Promise<void>;
  /** The agent refused the item for good (invalid): take it off the queue without a version. */
  dropped(item: OutboxItem): Promise<void>;
}
