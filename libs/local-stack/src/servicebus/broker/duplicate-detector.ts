/**
 * Remembers message ids for a fixed window. Ids expire in arrival order because the window is
 * the same for all of them, so pruning only looks at the oldest entries.
 */
export class DuplicateDetector {
  private readonly seenUntil = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** True when `messageId` was seen within the window; otherwise records it. */
  isDuplicate(messageId: string, now: number): boolean {
    for (const [id, until] of this.seenUntil) {
      if (until > now) break;
      this.seenUntil.delete(id);
    }
    if (this.seenUntil.has(messageId)) return true;
    this.seenUntil.set(messageId, now + this.windowMs);
    return false;
  }
}
