import type { GridCell } from '../../lib/portal/grid';
import type { PagedFill } from './paged-fill';

// The document's bulk fill, kept across the grid's re-renders (every pager click or save draws a
// new grid and mounts the features again): the fill of one book, and a queue so that its steps —
// the fill, each page's rows, an undo — take turns, even when a mount goes away in the middle.

export class FillSession {
  private fill: PagedFill<GridCell> | undefined;
  private queue: Promise<void> = Promise.resolve();

  /** The fill of `book`. A fill of another book is dropped: the teacher changed class, subject or term. */
  of(book: string): PagedFill<GridCell> | undefined {
    if (this.fill && this.fill.book !== book) this.fill = undefined;
    return this.fill;
  }

  set(fill: PagedFill<GridCell>): void {
    this.fill = fill;
  }

  /** Runs `work` once every step queued before it is done. */
  run(work: () => void | Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      console.error('[EduLens] bulk-fill', error);
    });
    return this.queue;
  }
}

let session: FillSession | undefined;

/** The document's session, created on first use (importing this module does nothing). */
export function fillSession(): FillSession {
  return (session ??= new FillSession());
}
