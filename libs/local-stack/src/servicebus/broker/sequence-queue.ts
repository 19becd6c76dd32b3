/**
 * The sequence numbers of available messages, lowest first. New messages arrive in increasing
 * order (O(1) append); an abandoned or expired-lock message goes back to its place, so a
 * session's messages keep their order on redelivery.
 */
export class SequenceQueue {
  private items: number[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  /** Adds a sequence number in order. */
  add(sequenceNumber: number): void {
    const last = this.items[this.items.length - 1];
    if (this.size === 0 || sequenceNumber > last) {
      this.items.push(sequenceNumber);
      return;
    }
    let low = this.head;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.items[middle] < sequenceNumber) low = middle + 1;
      else high = middle;
    }
    if (this.items[low] !== sequenceNumber) this.items.splice(low, 0, sequenceNumber);
  }

  /** The lowest sequence number, without removing it. */
  peek(): number | undefined {
    return this.size > 0 ? this.items[this.head] : undefined;
  }

  /** Removes and returns the lowest sequence number. */
  shift(): number | undefined {
    if (this.size === 0) return undefined;
    const value = this.items[this.head++];
    // Compact once the consumed prefix dominates, keeping shift O(1) amortised.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return value;
  }

  /** Removes a sequence number wherever it is (e.g. a message received by sequence number). */
  delete(sequenceNumber: number): boolean {
    const index = this.items.indexOf(sequenceNumber, this.head);
    if (index < 0) return false;
    this.items.splice(index, 1);
    return true;
  }

  values(): number[] {
    return this.items.slice(this.head);
  }
}
