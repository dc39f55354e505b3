import type { Profile } from '../schema';
import { smasGradePages } from './grades';
import { smasLegacyPages } from './records';

// SMAS (Viettel): two generations in use. The legacy one (ASP.NET MVC) holds the student records
// (records.ts); its hosts moved over the years (qlnt.e-school.edu.vn, smas.edu.vn,
// login.smas.edu.vn). Locks and update windows follow the province's calendar (Vĩnh Long's plan).

export const smasProfile: Profile = {
  id: 'smas',
  name: 'SMAS',
  version: 1,
  match: ['https://*.smas.edu.vn/*', 'https://qlnt.e-school.edu.vn/*'],
  // The local simulator (both generations, any port) in test builds only.
  testMatch: ['http://localhost/*'],
  calendar: { id: 'smas-vinhlong' },
  pages: [...smasLegacyPages, ...smasGradePages],
};
