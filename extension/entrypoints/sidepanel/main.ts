import { startSidePanel } from '../../lib/sidepanel-view';

void startSidePanel(document.getElementById('app')!);
