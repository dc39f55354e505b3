import type { PageKind, Profile, ProfilePage } from '@edulens/shared/profiles';
import type { Clock } from './clock';
import type { LockInfo, PageKey, PageProblem } from '@edulens/shared/page';
import type { Overlay } from './overlay';
import type { PortalGrid } from './portal/grid';

/** The grade-grid page of a profile (the only page kind with features so far). */
export type GradeGridPage = Extract<ProfilePage, { kind: 'grade-grid' }>;

/** What the features of one page tell the rest of the extension (merged, answered to `page.state`). */
export interface PageReportParts {
  problems: PageProblem[];
  locks: LockInfo[];
}

export interface FeatureContext {
  profile: Profile;
  page: GradeGridPage;
  grid: PortalGrid;
  overlay: Overlay;
  /** Aborted when the grid goes away or re-renders (filter change, save): clean up everything. */
  signal: AbortSignal;
  clock: Clock;
  /** Which book the grid shows (from the page's filters); stable while this mount lives. */
  pageKey: PageKey;
  /** Merges a part of this page's report; the content script tells open pages it changed (debounced). */
  report(parts: Partial<PageReportParts>): void;
  /** Features that talk to each other (e.g. bulk fill asks validation to re-check) go through here. */
  bus: FeatureBus;
}

/** Small in-page event bus between features of one mount; listeners are dropped on abort. */
export interface FeatureBus {
  emit<K extends keyof FeatureEvents>(type: K, detail: FeatureEvents[K]): void;
  on<K extends keyof FeatureEvents>(type: K, listener: (detail: FeatureEvents[K]) => void): void;
}

export interface FeatureEvents {
  /** Validation finished a pass: the current problems. */
  'validate.problems': { problems: PageProblem[] };
  /** Ask validation to re-check everything now. */
  'validate.request': Record<string, never>;
  /**
   * Values of a file the rulepack refused (bulk fill): listed with the page's problems until their
   * cell is typed into. Replaces the previous list.
   */
  'validate.fileProblems': { problems: PageProblem[] };
}

export interface Feature {
  id: string;
  runsOn: readonly PageKind[];
  /** Mounts the feature; everything it adds or listens to is removed when `ctx.signal` aborts. */
  mount(ctx: FeatureContext): void | Promise<void>;
}

export function defineFeature(feature: Feature): Feature {
  return feature;
}

export function createBus(signal: AbortSignal): FeatureBus {
  const target = new EventTarget();
  return {
    emit(type, detail) {
      target.dispatchEvent(new CustomEvent(type, { detail }));
    },
    on(type, listener) {
      target.addEventListener(type, (event) => listener((event as CustomEvent).detail), { signal });
    },
  };
}
