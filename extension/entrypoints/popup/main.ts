import { renderPopup } from '../../lib/popup-view';

void renderPopup(document.getElementById('app')!);
