import { defineBackground } from 'wxt/utils/define-background';
import { registerAddedProfileScripts } from '../lib/added-profiles/content-scripts';
import { startDraftsService } from '../lib/drafts/service';
import { registerLocksHandler } from '../lib/locks-handler';
import { registerOnDemandHandlers } from '../lib/on-demand-handler';

// The service worker: only registrations, all inside main() (WXT imports this file in Node at
// build time). Drafts live in IndexedDB here and reach the local agent from here, so the content
// script carries neither Dexie nor zod.
export default defineBackground({
  type: 'module',
  main() {
    registerLocksHandler();
    startDraftsService();
    registerAddedProfileScripts();
    registerOnDemandHandlers();
  },
});
