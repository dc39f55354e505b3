import { defineBackground } from 'wxt/utils/define-background';
import { registerBulkFillBackground } from '../features/bulk-fill/xlsx-reader';
import { startDraftsService } from '../lib/drafts/service';
import { registerPageReports } from '../lib/page-reports';

// The service worker: only registrations, all inside main() (WXT imports this file in Node at
// build time). Drafts live in IndexedDB here and reach the local agent from here, so the content
// script carries neither Dexie nor zod.
export default defineBackground({
  type: 'module',
  main() {
    registerPageReports();
    startDraftsService();
    registerBulkFillBackground();
  },
});
