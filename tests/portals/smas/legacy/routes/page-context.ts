import type { Context } from 'hono';
import { type SmasClass, type SmasStudent } from '../../common/roster';
import { schoolYearLabel } from '../../common/school';
import type { SmasLegacyState } from '../state';
import type { HeaderParts } from '../views/layout';
import type { LegacyEnv } from './session-guard';

// What every inner page needs from the session: the header's parts, the level's classes and
// their stored records.

export function headerOf(state: SmasLegacyState, c: Context<LegacyEnv>): HeaderParts {
  return {
    fullName: c.get('account').fullName,
    levelName: c.get('level').name,
    schoolName: state.roster.school.name,
    schoolYear: schoolYearLabel(state.roster.schoolYear),
  };
}

export function classesOf(state: SmasLegacyState, c: Context<LegacyEnv>): SmasClass[] {
  return state.roster.classes.filter((schoolClass) => schoolClass.level === c.get('level').key);
}

/** The class's students as stored now, in class-list order. */
export function storedStudents(state: SmasLegacyState, schoolClass: SmasClass): SmasStudent[] {
  return schoolClass.students.map((s) => state.records.get(s.studentId) ?? s);
}
