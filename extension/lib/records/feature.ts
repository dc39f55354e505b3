import type { Profile } from '@edulens/shared/profiles';
import type { Clock } from '../clock';
import type { Overlay } from '../overlay';
import type { ListGrid } from '../portal/grid';
import type { RecordForm } from './form';
import type { RecordFormPage, RecordListPage } from './pages';
import type { RecordStore } from './record-store';

// What a record feature gets when a record page shows: the page as the profile describes it, the
// form or the list read from it, the overlay, and a signal aborted when the page goes (the form's
// document replaced by the next "Sửa", the window closed, the list re-drawn).

interface RecordContextBase {
  profile: Profile;
  overlay: Overlay;
  signal: AbortSignal;
  clock: Clock;
  /** Records read so far (from their form documents), kept while the list's page lives. */
  records: RecordStore;
}

export interface RecordFormContext extends RecordContextBase {
  page: RecordFormPage;
  form: RecordForm;
}

export interface RecordListContext extends RecordContextBase {
  page: RecordListPage;
  list: ListGrid;
}

export type RecordFeature =
  | { id: string; runsOn: 'record-form'; mount(ctx: RecordFormContext): void }
  | { id: string; runsOn: 'record-list'; mount(ctx: RecordListContext): void };
